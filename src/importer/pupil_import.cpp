#include "importer/pupil_import.hpp"

#include <unordered_map>

namespace samen::importer {

ImportPlan plan_import(store::ReadTx& tx, const domain::CsvParseResult& parsed,
                       const std::string& school_id) {
  ImportPlan plan;
  plan.errors = parsed.errors;
  plan.truncated_errors = parsed.truncated_errors;
  plan.ignored_columns = parsed.ignored_columns;

  std::unordered_map<std::string, std::string>
      mentor_ids;  // e-mail → user id, or "" when not a mentor here
  auto mentor_for = [&](const std::string& email) -> std::string {
    auto it = mentor_ids.find(email);
    if (it != mentor_ids.end()) return it->second;
    std::string id;
    if (auto user = tx.user_by_email(email))
      for (const auto& m : tx.memberships_of(user->id))
        if (m.active && m.role == domain::Role::mentor && m.organisation_id == school_id)
          id = user->id;
    mentor_ids.emplace(email, id);
    return id;
  };

  std::unordered_map<std::string, domain::Pupil> existing;
  for (auto& p : tx.pupils_of_school(school_id)) {
    std::string number = p.pupil_number;
    existing.emplace(std::move(number), std::move(p));
  }
  for (const auto& row : parsed.rows) {
    domain::Pupil pupil = row.pupil;
    if (!row.mentor_email.empty()) {
      pupil.mentor_user_id = mentor_for(row.mentor_email);
      if (pupil.mentor_user_id.empty()) {
        if (plan.errors.size() < domain::kMaxCsvErrors)
          plan.errors.push_back(
              {row.line, "mentor",
               "no mentor at this school has the e-mail address " + row.mentor_email});
        else
          plan.truncated_errors = true;
        continue;
      }
    }
    auto it = existing.find(pupil.pupil_number);
    if (it == existing.end()) {
      plan.creates.push_back(std::move(pupil));
      continue;
    }
    const domain::Pupil& current = it->second;
    // A file without a mentor column keeps the mentor the school set in Samen; likewise
    // a file without guardian columns keeps the guardians.
    if (row.mentor_email.empty()) pupil.mentor_user_id = current.mentor_user_id;
    if (pupil.guardians.empty()) pupil.guardians = current.guardians;
    if (domain::same_master_data(pupil, current)) {
      ++plan.unchanged;
      continue;
    }
    pupil.id = current.id;
    pupil.version = current.version;
    plan.updates.push_back(std::move(pupil));
  }
  return plan;
}

std::vector<AppliedChange> apply_import(
    store::WriteTx& tx, const ImportPlan& plan,
    const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<AppliedChange> changes;
  std::size_t total = plan.creates.size() + plan.updates.size();
  changes.reserve(total);
  for (const auto& p : plan.creates) {
    changes.push_back({tx.insert_pupil(p).id, true});
    if (progress && changes.size() % 2048 == 0) progress(changes.size(), total);
  }
  for (const auto& p : plan.updates) {
    if (!tx.update_pupil(p, p.version))
      throw store::StoreError("pupil changed during the import; run it again");
    changes.push_back({p.id, false});
    if (progress && changes.size() % 2048 == 0) progress(changes.size(), total);
  }
  if (progress) progress(total, total);
  return changes;
}

}  // namespace samen::importer
