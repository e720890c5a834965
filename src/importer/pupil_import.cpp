#include "importer/pupil_import.hpp"

#include <unordered_map>

#include "importer/duplicate_finder.hpp"

namespace samen::importer {
namespace {

using domain::CsvPupilRow;
using domain::Pupil;
using Field = domain::PupilCsvReader::Field;

// Rows matched and written per store lookup: big enough that a lookup's round trip to
// PostgreSQL is shared by many rows, small enough that a batch is a few hundred KiB.
constexpr std::size_t kBatchRows = 1000;
// A school has at most a few hundred mentors; the cache is only cleared when a file names
// thousands of different (unknown) addresses, so it stays small whatever the file.
constexpr std::size_t kMaxCachedMentors = 4096;

// One reading of the file: rows flow from the CSV reader through the checks into batches
// that are matched against the school's pupils and, when writing, written.
class ImportRun {
 public:
  ImportRun(store::ReadTx& tx, std::string school_id, bool classify, store::WriteTx* write,
            const OnChange* on_change)
      : tx_(tx),
        school_id_(std::move(school_id)),
        classify_(classify),
        write_(write),
        on_change_(on_change),
        reader_(school_id_, summary_.errors,
                [this](CsvPupilRow& row, bool valid) { take(row, valid); }) {}

  ImportSummary run(const ByteSource& bytes, const Progress& progress) {
    std::size_t read = 0;
    bytes([&](std::string_view piece) {
      reader_.feed(piece);
      read += piece.size();
      if (progress) progress(read);
      return !reader_.stopped();
    });
    reader_.finish();
    flush();
    add_repeated_numbers();
    summary_.ignored_columns = reader_.ignored_columns();
    return std::move(summary_);
  }

 private:
  void take(CsvPupilRow& row, bool valid) {
    if (!row.pupil.pupil_number.empty()) duplicates_.add(row.pupil.pupil_number, row.line);
    if (summary_.errors.truncated) reader_.stop();  // the list is full; more tells nothing
    if (!valid) return;
    if (!row.mentor_email.empty()) {
      row.pupil.mentor_user_id = mentor(row.mentor_email);
      if (row.pupil.mentor_user_id.empty()) {
        summary_.errors.add(
            {row.line, reader_.header_of(Field::mentor_email),
             "no mentor at this school has the e-mail address " + row.mentor_email});
        return;
      }
    }
    // Once anything is wrong the counts mean nothing and nothing may be written: the rest
    // of the file is only read for its errors.
    if (!classify_ || !summary_.errors.empty()) return;
    batch_.push_back(std::move(row));
    if (batch_.size() == kBatchRows) flush();
  }

  // The user id of an active mentor of this school with this e-mail address, or "".
  std::string mentor(const std::string& email) {
    auto it = mentors_.find(email);
    if (it != mentors_.end()) return it->second;
    std::string id;
    if (auto user = tx_.user_by_email(email))
      for (const auto& m : tx_.memberships_of(user->id))
        if (m.active && m.role == domain::Role::mentor && m.organisation_id == school_id_)
          id = user->id;
    if (mentors_.size() >= kMaxCachedMentors) mentors_.clear();
    mentors_.emplace(email, id);
    return id;
  }

  void flush() {
    if (batch_.empty() || !summary_.errors.empty()) {
      batch_.clear();
      return;
    }
    std::vector<std::string> numbers;
    numbers.reserve(batch_.size());
    for (const auto& row : batch_) numbers.push_back(row.pupil.pupil_number);
    std::vector<Pupil> existing = tx_.pupils_by_number(school_id_, numbers);
    std::unordered_map<std::string_view, const Pupil*> by_number;
    for (const auto& p : existing) by_number.emplace(p.pupil_number, &p);
    for (auto& row : batch_) {
      auto it = by_number.find(row.pupil.pupil_number);
      apply(row, it == by_number.end() ? nullptr : it->second);
    }
    batch_.clear();
    // Reported after the batch's writes, not between them: writing the pupils of a batch
    // together, then their audit entries, keeps each table's pages hot.
    if (on_change_ && *on_change_)
      for (const auto& change : changes_) (*on_change_)(change);
    changes_.clear();
  }

  void apply(CsvPupilRow& row, const Pupil* current) {
    Pupil& pupil = row.pupil;
    if (!current) {
      ++summary_.created;
      count_guardian_changes(row, domain::guardian_changes({}, pupil.guardians));
      if (write_) report({write_->insert_pupil(pupil).id, true});
      return;
    }
    // A file without a mentor column keeps the mentor the school set in Samen; likewise
    // a row without guardians keeps the guardians.
    if (row.mentor_email.empty()) pupil.mentor_user_id = current->mentor_user_id;
    if (pupil.guardians.empty()) {
      pupil.guardians = current->guardians;
    } else {
      domain::match_import_guardians(current->guardians, pupil.guardians);
      domain::keep_unstated_numbers(current->guardians, pupil.guardians);
    }
    auto changes = domain::guardian_changes(current->guardians, pupil.guardians);
    Pupil without_guardians = pupil;
    without_guardians.guardians = current->guardians;
    if (changes.empty() && domain::same_master_data(without_guardians, *current)) {
      ++summary_.unchanged;
      return;
    }
    ++summary_.updated;
    count_guardian_changes(row, changes);
    if (!write_) return;
    pupil.id = current->id;
    if (!write_->update_pupil(pupil, current->version, started_at_))
      throw store::StoreError("pupil changed during the import; run it again");
    report({pupil.id, false});
  }

  void count_guardian_changes(const CsvPupilRow& row,
                              const std::vector<domain::GuardianChange>& changes) {
    for (const auto& change : changes) {
      switch (change.kind) {
        case domain::GuardianChange::Kind::added:
          ++summary_.guardians_added;
          break;
        case domain::GuardianChange::Kind::ended:
          ++summary_.guardians_ended;
          break;
        case domain::GuardianChange::Kind::changed:
          ++summary_.guardians_changed;
          break;
      }
      if (summary_.guardian_changes.size() < kMaxListedGuardianChanges)
        summary_.guardian_changes.push_back({row.line, row.pupil.pupil_number, change});
    }
  }

  void report(AppliedChange change) { changes_.push_back(std::move(change)); }

  void add_repeated_numbers() {
    auto repeats = duplicates_.repeats(domain::kMaxCsvErrors);
    std::vector<domain::CsvError> errors;
    std::string column = reader_.header_of(Field::pupil_number);
    for (auto& r : repeats.first)
      errors.push_back(
          {r.line, column, "pupil number " + r.key + " appears more than once in the file"});
    summary_.errors.merge(std::move(errors), repeats.more);
  }

  store::ReadTx& tx_;
  std::string school_id_;
  bool classify_;
  store::WriteTx* write_;
  const OnChange* on_change_;
  // One moment for the whole import: every guardian it ends or adds, it does at once.
  domain::Millis started_at_ = domain::now_millis();
  ImportSummary summary_;
  domain::PupilCsvReader reader_;
  DuplicateFinder duplicates_;
  std::unordered_map<std::string, std::string> mentors_;
  std::vector<CsvPupilRow> batch_;
  std::vector<AppliedChange> changes_;  // of the batch being written
};

}  // namespace

ImportSummary check_pupil_import(store::ReadTx& tx, const std::string& school_id,
                                 const ByteSource& bytes, bool count, const Progress& progress) {
  return ImportRun(tx, school_id, count, nullptr, nullptr).run(bytes, progress);
}

ImportSummary write_pupil_import(store::WriteTx& tx, const std::string& school_id,
                                 const ByteSource& bytes, const OnChange& on_change,
                                 const Progress& progress) {
  return ImportRun(tx, school_id, true, &tx, &on_change).run(bytes, progress);
}

}  // namespace samen::importer
