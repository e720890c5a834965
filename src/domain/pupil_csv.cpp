#include "domain/pupil_csv.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/text.hpp"

namespace samen::domain {
namespace {

using Field = PupilCsvReader::Field;

const std::map<std::string, std::string>& column_aliases() {
  static const std::map<std::string, std::string> aliases = {
      {"leerlingnummer", "pupil_number"},
      {"pupil_number", "pupil_number"},
      {"student_number", "pupil_number"},
      {"roepnaam", "given_name"},
      {"voornaam", "given_name"},
      {"given_name", "given_name"},
      {"first_name", "given_name"},
      {"voorvoegsel", "name_prefix"},
      {"tussenvoegsel", "name_prefix"},
      {"name_prefix", "name_prefix"},
      {"prefix", "name_prefix"},
      {"achternaam", "family_name"},
      {"family_name", "family_name"},
      {"last_name", "family_name"},
      {"surname", "family_name"},
      {"geboortedatum", "date_of_birth"},
      {"date_of_birth", "date_of_birth"},
      {"birth_date", "date_of_birth"},
      {"bsn", "bsn"},
      {"burgerservicenummer", "bsn"},
      {"klas", "class"},
      {"groep", "class"},
      {"class", "class"},
      {"group", "class"},
      {"mentor", "mentor_email"},
      {"mentor_email", "mentor_email"},
      {"mentor_e_mail", "mentor_email"},
      {"inschrijfdatum", "enrolment_start"},
      {"datum_inschrijving", "enrolment_start"},
      {"enrolment_start", "enrolment_start"},
      {"uitschrijfdatum", "enrolment_end"},
      {"datum_uitschrijving", "enrolment_end"},
      {"enrolment_end", "enrolment_end"},
  };
  return aliases;
}

// Guardian columns: ouder1_naam, verzorger2_email, guardian1_relation, ...
std::string guardian_column(const std::string& h) {
  static const std::map<std::string, std::string> parts = {
      {"naam", "name"},
      {"name", "name"},
      {"relatie", "relation"},
      {"relation", "relation"},
      {"email", "email"},
      {"e_mail", "email"},
      {"telefoon", "phone"},
      {"phone", "phone"},
      {"gezag", "parental_authority"},
      {"parental_authority", "parental_authority"},
      {"nummer", "number"},
      {"number", "number"},
  };
  for (std::string prefix : {"ouder", "verzorger", "guardian"}) {
    if (h.rfind(prefix, 0) != 0 || h.size() < prefix.size() + 3) continue;
    char n = h[prefix.size()];
    if ((n != '1' && n != '2') || h[prefix.size() + 1] != '_') continue;
    auto it = parts.find(h.substr(prefix.size() + 2));
    if (it != parts.end()) return std::string("guardian") + n + "_" + it->second;
  }
  return {};
}

std::string normalise_header(std::string_view h) {
  std::string out = to_lower_ascii(trim(h));
  for (char& c : out)
    if (c == ' ' || c == '-' || c == '.') c = '_';
  return out;
}

// Deciding a column's use once, from its canonical name, keeps string comparisons out of
// the loop over a million rows.
Field field_of(const std::string& canonical) {
  static const std::map<std::string, Field> fields = {
      {"pupil_number", Field::pupil_number},
      {"given_name", Field::given_name},
      {"name_prefix", Field::name_prefix},
      {"family_name", Field::family_name},
      {"date_of_birth", Field::date_of_birth},
      {"bsn", Field::bsn},
      {"class", Field::class_name},
      {"mentor_email", Field::mentor_email},
      {"enrolment_start", Field::enrolment_start},
      {"enrolment_end", Field::enrolment_end},
      {"name", Field::guardian_name},
      {"relation", Field::guardian_relation},
      {"email", Field::guardian_email},
      {"phone", Field::guardian_phone},
      {"parental_authority", Field::guardian_authority},
      {"number", Field::guardian_number},
  };
  std::string key = canonical.rfind("guardian", 0) == 0 ? canonical.substr(10) : canonical;
  auto it = fields.find(key);
  return it == fields.end() ? Field::ignored : it->second;
}

std::optional<bool> parse_yes_no(std::string_view v) {
  auto t = to_lower_ascii(trim(v));
  if (t == "ja" || t == "j" || t == "yes" || t == "y" || t == "1" || t == "true") return true;
  if (t == "nee" || t == "n" || t == "no" || t == "0" || t == "false") return false;
  return std::nullopt;
}

// The column a validation error is about ("guardians[1].email" → "ouder2_email"), as the
// file calls it; past the end when no column matches.
std::size_t column_of(const std::vector<PupilCsvReader::Column>& columns,
                      const std::string& field) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& n = columns[c].canonical;
    bool match = n == field || (field.rfind("guardians[", 0) == 0 && n.rfind("guardian", 0) == 0 &&
                                n[8] - '1' == field[10] - '0' &&
                                field.substr(field.find('.') + 1) == n.substr(10));
    if (match) return c;
  }
  return columns.size();
}

}  // namespace

void CsvErrors::add(CsvError error) {
  if (list.size() >= kMaxCsvErrors) {
    truncated = true;
    return;
  }
  list.push_back(std::move(error));
}

void CsvErrors::merge(std::vector<CsvError> later, bool later_truncated) {
  // A truncated list may have dropped errors from its last line on; whatever lies beyond
  // that in the other list cannot be placed, so it waits for the next run.
  bool dropped = false;
  if (truncated && !list.empty()) {
    int cut = list.back().line;
    auto keep =
        std::find_if(later.begin(), later.end(), [&](const CsvError& e) { return e.line >= cut; });
    dropped = keep != later.end();
    later.erase(keep, later.end());
  }
  if (later_truncated && !later.empty()) {
    int cut = later.back().line;
    auto keep =
        std::find_if(list.begin(), list.end(), [&](const CsvError& e) { return e.line > cut; });
    dropped = dropped || keep != list.end();
    list.erase(keep, list.end());
  }
  std::vector<CsvError> merged;
  merged.reserve(list.size() + later.size());
  std::merge(std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()),
             std::make_move_iterator(later.begin()), std::make_move_iterator(later.end()),
             std::back_inserter(merged),
             [](const CsvError& a, const CsvError& b) { return a.line < b.line; });
  truncated = truncated || later_truncated || dropped || merged.size() > kMaxCsvErrors;
  if (merged.size() > kMaxCsvErrors) merged.resize(kMaxCsvErrors);
  list = std::move(merged);
}

std::string canonical_column(std::string_view header) {
  std::string h = normalise_header(header);
  auto it = column_aliases().find(h);
  if (it != column_aliases().end()) return it->second;
  return guardian_column(h);
}

PupilCsvReader::PupilCsvReader(std::string school_id, CsvErrors& errors, OnRow on_row)
    : school_id_(std::move(school_id)),
      errors_(errors),
      on_row_(std::move(on_row)),
      records_([this](int line, std::span<const std::string> fields) { record(line, fields); }) {}

std::string PupilCsvReader::header_of(Field field) const {
  for (const auto& column : columns_)
    if (column.field == field) return column.header;
  return {};
}

void PupilCsvReader::finish() {
  records_.finish();
  if (const auto& failure = records_.failure()) errors_.add(*failure);
  if (have_header_ || records_.failure()) return;
  errors_.add({1, "",
               records_.saw_content() ? "the file has no header row"
                                      : "the file is empty; expected a header row"});
}

void PupilCsvReader::record(int line, std::span<const std::string> fields) {
  bool blank = fields.size() == 1 && trim(fields[0]).empty();
  if (blank) return;
  if (!have_header_)
    header(fields);
  else
    row(line, fields);
}

void PupilCsvReader::header(std::span<const std::string> fields) {
  have_header_ = true;
  std::set<std::string> seen;
  std::size_t errors_before = errors_.list.size();
  for (const auto& name : fields) {
    Column column{name, canonical_column(name), Field::ignored, 0};
    if (column.canonical.empty()) {
      ignored_columns_.push_back(name);
    } else {
      column.field = field_of(column.canonical);
      if (column.canonical.rfind("guardian", 0) == 0) column.guardian = column.canonical[8] - '1';
      if (!seen.insert(column.canonical).second)
        errors_.add({1, name, "column appears twice (as " + column.canonical + ")"});
    }
    columns_.push_back(std::move(column));
  }
  for (const char* required : {"pupil_number", "given_name", "family_name", "date_of_birth"})
    if (!seen.count(required))
      errors_.add({1, "", std::string("the required column ") + required + " is missing"});
  // Without a usable header no row can be read.
  if (errors_.list.size() != errors_before) records_.stop();
}

void PupilCsvReader::row(int line, std::span<const std::string> fields) {
  bool ok = true;
  auto error = [&](std::size_t col, std::string message) {
    ok = false;
    errors_.add(
        {line, col < columns_.size() ? columns_[col].header : std::string(), std::move(message)});
  };
  if (fields.size() != columns_.size()) {
    error(0, "row has " + std::to_string(fields.size()) + " fields; the header has " +
                 std::to_string(columns_.size()));
    return;
  }
  CsvPupilRow& out = scratch_;
  out.line = line;
  out.mentor_email.clear();
  Pupil& p = out.pupil;
  p = Pupil{};
  p.school_id = school_id_;
  Guardian guardians[2];
  bool guardian_present[2] = {false, false};
  std::size_t date_col = 0;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    const Column& column = columns_[c];
    if (column.field == Field::ignored) continue;
    std::string_view value = trim(fields[c]);
    // Every column of the file is a single line: a quoted field may hold a line break.
    if (auto bad = control_character_in(value, false)) {
      error(c, "contains a control character, " + *bad);
      continue;
    }
    auto date_field = [&](const char* what) -> std::optional<Date> {
      if (value.empty()) return std::nullopt;
      auto d = parse_date(value);
      if (!d) error(c, std::string(what) + " is not a date (use dd-mm-yyyy or yyyy-mm-dd)");
      return d;
    };
    Guardian& g = guardians[column.guardian];
    switch (column.field) {
      case Field::ignored:
        break;
      case Field::pupil_number:
        p.pupil_number = value;
        break;
      case Field::given_name:
        p.given_name = value;
        break;
      case Field::name_prefix:
        p.name_prefix = value;
        break;
      case Field::family_name:
        p.family_name = value;
        break;
      case Field::bsn:
        p.bsn = value;
        break;
      case Field::class_name:
        p.class_name = value;
        break;
      case Field::mentor_email:
        out.mentor_email = to_lower_ascii(value);
        break;
      case Field::date_of_birth:
        date_col = c;
        if (value.empty())
          error(c, "date of birth is required");
        else if (auto d = date_field("date of birth"))
          p.date_of_birth = *d;
        break;
      case Field::enrolment_start:
        p.enrolment_start = date_field("enrolment start");
        break;
      case Field::enrolment_end:
        p.enrolment_end = date_field("enrolment end");
        break;
      case Field::guardian_name:
        g.name = value;
        break;
      case Field::guardian_relation:
        g.relation = value;
        break;
      case Field::guardian_email:
        g.email = to_lower_ascii(value);
        break;
      case Field::guardian_phone:
        g.phone = value;
        break;
      case Field::guardian_authority:
        if (value.empty()) break;
        if (auto yes = parse_yes_no(value))
          g.parental_authority = *yes;
        else
          error(c, "parental authority must be ja or nee");
        break;
      case Field::guardian_number:
        g.number = value;
        break;
    }
    if (column.field >= Field::guardian_name && !value.empty())
      guardian_present[column.guardian] = true;
  }
  for (int i = 0; i < 2; ++i) {
    if (!guardian_present[i]) continue;
    if (guardians[i].relation.empty()) guardians[i].relation = "ouder";
    p.guardians.push_back(std::move(guardians[i]));
  }
  if (ok) {
    if (auto valid = validate_pupil(p); !valid) {
      const std::string& field = valid.error().field;
      error(field == "date_of_birth" ? date_col : column_of(columns_, field),
            valid.error().message);
    }
  }
  on_row_(out, ok);
}

}  // namespace samen::domain
