#include "domain/pupil_csv.hpp"

#include <csv.h>

#include <set>
#include <unordered_set>

#include "domain/text.hpp"

namespace samen::domain {
namespace {

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

std::optional<bool> parse_yes_no(std::string_view v) {
  auto t = to_lower_ascii(trim(v));
  if (t == "ja" || t == "j" || t == "yes" || t == "y" || t == "1" || t == "true") return true;
  if (t == "nee" || t == "n" || t == "no" || t == "0" || t == "false") return false;
  return std::nullopt;
}

// Feeds libcsv and collects records with the line each starts on.
struct Collector {
  std::vector<std::string> fields;
  std::vector<std::pair<int, std::vector<std::string>>> records;
  int current_line = 1;
  int record_line = 0;

  static void on_field(void* data, std::size_t len, void* self_ptr) {
    auto* self = static_cast<Collector*>(self_ptr);
    if (self->fields.empty() && self->record_line == 0) self->record_line = self->current_line;
    self->fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
  }
  static void on_record(int, void* self_ptr) {
    auto* self = static_cast<Collector*>(self_ptr);
    if (self->record_line == 0) self->record_line = self->current_line;
    self->records.emplace_back(self->record_line, std::move(self->fields));
    self->fields.clear();
    self->record_line = 0;
  }
};

char detect_delimiter(std::string_view bytes) {
  auto end = bytes.find('\n');
  std::string_view header = bytes.substr(0, end);
  int semis = 0, commas = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == ';') ++semis;
    if (!quoted && c == ',') ++commas;
  }
  return semis > commas ? ';' : ',';
}

struct RowBuilder {
  const std::vector<std::string>& names;    // canonical per column
  const std::vector<std::string>& headers;  // as written
  CsvParseResult& result;
  int line;
  bool ok = true;

  void error(std::size_t col, std::string message) {
    ok = false;
    if (result.errors.size() >= kMaxCsvErrors) {
      result.truncated_errors = true;
      return;
    }
    result.errors.push_back(
        {line, col < headers.size() ? headers[col] : std::string(), std::move(message)});
  }
};

}  // namespace

std::string canonical_column(std::string_view header) {
  std::string h = normalise_header(header);
  auto it = column_aliases().find(h);
  if (it != column_aliases().end()) return it->second;
  return guardian_column(h);
}

CsvParseResult parse_pupil_csv(std::string_view bytes, const std::string& school_id,
                               const std::function<void(std::size_t)>& progress) {
  CsvParseResult result;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (trim(bytes).empty()) {
    result.errors.push_back({1, "", "the file is empty; expected a header row"});
    return result;
  }
  if (!is_valid_utf8(bytes)) {
    result.errors.push_back({1, "", "the file is not UTF-8; export it as UTF-8"});
    return result;
  }
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(&parser, static_cast<unsigned char>(detect_delimiter(bytes)));
  Collector collector;
  std::size_t pos = 0;
  bool parse_failed = false;
  while (pos < bytes.size()) {
    auto nl = bytes.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? bytes.size() : nl + 1;
    if (csv_parse(&parser, bytes.data() + pos, end - pos, Collector::on_field, Collector::on_record,
                  &collector) != end - pos) {
      result.errors.push_back(
          {collector.record_line ? collector.record_line : collector.current_line, "",
           std::string("the file is not valid CSV here: ") + csv_strerror(csv_error(&parser))});
      parse_failed = true;
      break;
    }
    ++collector.current_line;
    pos = end;
    if (progress && (collector.current_line % 4096 == 0)) progress(pos);
  }
  if (!parse_failed &&
      csv_fini(&parser, Collector::on_field, Collector::on_record, &collector) != 0) {
    result.errors.push_back(
        {collector.record_line ? collector.record_line : collector.current_line - 1, "",
         "the file ends inside a quoted field"});
    parse_failed = true;
  }
  csv_free(&parser);
  if (progress) progress(bytes.size());
  if (parse_failed || collector.records.empty()) {
    if (result.errors.empty()) result.errors.push_back({1, "", "the file has no header row"});
    return result;
  }

  const auto& header_fields = collector.records.front().second;
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < header_fields.size(); ++i) {
    std::string canonical = canonical_column(header_fields[i]);
    if (canonical.empty()) {
      result.ignored_columns.push_back(header_fields[i]);
    } else if (!seen.insert(canonical).second) {
      result.errors.push_back({1, header_fields[i], "column appears twice (as " + canonical + ")"});
    }
    names.push_back(canonical);
  }
  for (const char* required : {"pupil_number", "given_name", "family_name", "date_of_birth"})
    if (!seen.count(required))
      result.errors.push_back(
          {1, "", std::string("the required column ") + required + " is missing"});
  if (!result.errors.empty()) return result;

  std::unordered_set<std::string> numbers;
  for (std::size_t r = 1; r < collector.records.size(); ++r) {
    auto& [line, fields] = collector.records[r];
    if (fields.size() == 1 && trim(fields[0]).empty()) continue;  // blank line
    RowBuilder row{names, header_fields, result, line};
    if (fields.size() != header_fields.size()) {
      row.error(0, "row has " + std::to_string(fields.size()) + " fields; the header has " +
                       std::to_string(header_fields.size()));
      continue;
    }
    CsvPupilRow out;
    out.line = line;
    Pupil& p = out.pupil;
    p.school_id = school_id;
    Guardian guardians[2];
    bool guardian_present[2] = {false, false};
    std::size_t date_col = 0;
    for (std::size_t c = 0; c < fields.size(); ++c) {
      const std::string& name = names[c];
      std::string value(trim(fields[c]));
      if (name.empty()) continue;
      auto date_field = [&](const char* what) -> std::optional<Date> {
        if (value.empty()) return std::nullopt;
        auto d = parse_date(value);
        if (!d) row.error(c, std::string(what) + " is not a date (use dd-mm-yyyy or yyyy-mm-dd)");
        return d;
      };
      if (name == "pupil_number")
        p.pupil_number = value;
      else if (name == "given_name")
        p.given_name = value;
      else if (name == "name_prefix")
        p.name_prefix = value;
      else if (name == "family_name")
        p.family_name = value;
      else if (name == "bsn")
        p.bsn = value;
      else if (name == "class")
        p.class_name = value;
      else if (name == "mentor_email")
        out.mentor_email = to_lower_ascii(value);
      else if (name == "date_of_birth") {
        date_col = c;
        if (value.empty())
          row.error(c, "date of birth is required");
        else if (auto d = date_field("date of birth"))
          p.date_of_birth = *d;
      } else if (name == "enrolment_start")
        p.enrolment_start = date_field("enrolment start");
      else if (name == "enrolment_end")
        p.enrolment_end = date_field("enrolment end");
      else if (name.rfind("guardian", 0) == 0) {
        int g = name[8] - '1';
        std::string part = name.substr(10);
        if (!value.empty()) guardian_present[g] = true;
        if (part == "name")
          guardians[g].name = value;
        else if (part == "relation")
          guardians[g].relation = value;
        else if (part == "email")
          guardians[g].email = to_lower_ascii(value);
        else if (part == "phone")
          guardians[g].phone = value;
        else if (part == "parental_authority" && !value.empty()) {
          auto yes = parse_yes_no(value);
          if (!yes)
            row.error(c, "parental authority must be ja or nee");
          else
            guardians[g].parental_authority = *yes;
        }
      }
    }
    for (int g = 0; g < 2; ++g) {
      if (!guardian_present[g]) continue;
      if (guardians[g].relation.empty()) guardians[g].relation = "ouder";
      p.guardians.push_back(guardians[g]);
    }
    if (!p.pupil_number.empty() && !numbers.insert(p.pupil_number).second) {
      std::size_t number_col = 0;
      while (number_col < names.size() && names[number_col] != "pupil_number") ++number_col;
      row.error(number_col,
                "pupil number " + p.pupil_number + " appears more than once in the file");
      continue;
    }
    if (!row.ok) continue;
    if (auto valid = validate_pupil(p); !valid) {
      // Name the column the validation is about, as the file calls it.
      std::string field = valid.error().field;
      std::size_t col = header_fields.size();
      for (std::size_t c = 0; c < names.size(); ++c) {
        const std::string& n = names[c];
        bool match =
            n == field || (field == "class" && n == "class") ||
            (field.rfind("guardians[", 0) == 0 && n.rfind("guardian", 0) == 0 &&
             n[8] - '1' == field[10] - '0' && field.substr(field.find('.') + 1) == n.substr(10));
        if (match) {
          col = c;
          break;
        }
      }
      if (field == "date_of_birth") col = date_col;
      row.error(col, valid.error().message);
      continue;
    }
    result.rows.push_back(std::move(out));
  }
  return result;
}

}  // namespace samen::domain
