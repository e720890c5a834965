#include "domain/pupil.hpp"

#include <fmt/format.h>

#include "domain/bsn.hpp"
#include "domain/text.hpp"

namespace samen::domain {
namespace {

Error invalid(std::string field, std::string message) {
  return Error{"validation_failed", std::move(message), std::move(field)};
}

Status require_text(const std::string& value, const char* field, std::size_t max) {
  if (trim(value).empty()) return invalid(field, fmt::format("{} is required", field));
  if (value.size() > max)
    return invalid(field, fmt::format("{} is longer than {} characters", field, max));
  if (!is_valid_utf8(value)) return invalid(field, fmt::format("{} is not valid UTF-8", field));
  return ok_status();
}

Status optional_text(const std::string& value, const std::string& field, std::size_t max) {
  if (value.size() > max)
    return invalid(field, fmt::format("{} is longer than {} characters", field, max));
  if (!is_valid_utf8(value)) return invalid(field, fmt::format("{} is not valid UTF-8", field));
  return ok_status();
}

Status validate_guardian(const Guardian& g, std::size_t index) {
  std::string prefix = fmt::format("guardians[{}].", index);
  if (trim(g.name).empty()) return invalid(prefix + "name", "guardian name is required");
  if (auto s = optional_text(g.name, prefix + "name", 200); !s) return s;
  if (trim(g.relation).empty())
    return invalid(prefix + "relation", "guardian relation is required");
  if (auto s = optional_text(g.relation, prefix + "relation", 40); !s) return s;
  if (!g.email.empty() && !looks_like_email(g.email))
    return invalid(prefix + "email", "guardian e-mail address is not valid");
  if (auto s = optional_text(g.phone, prefix + "phone", 40); !s) return s;
  if (auto s = optional_text(g.number, prefix + "number", 40); !s) return s;
  return ok_status();
}

}  // namespace

std::string full_name(const Pupil& p) {
  std::string name = p.given_name;
  if (!p.name_prefix.empty()) name += " " + p.name_prefix;
  name += " " + p.family_name;
  return name;
}

Status validate_pupil(const Pupil& p) {
  if (p.school_id.empty()) return invalid("school_id", "school_id is required");
  if (auto s = require_text(p.pupil_number, "pupil_number", 32); !s) return s;
  if (auto s = require_text(p.given_name, "given_name", 100); !s) return s;
  if (auto s = optional_text(p.name_prefix, "name_prefix", 30); !s) return s;
  if (auto s = require_text(p.family_name, "family_name", 100); !s) return s;
  if (p.date_of_birth.year == 0) return invalid("date_of_birth", "date_of_birth is required");
  if (!p.bsn.empty() && !is_valid_bsn(p.bsn))
    return invalid("bsn", "bsn must be nine digits that pass the eleven-test");
  if (auto s = optional_text(p.class_name, "class", 20); !s) return s;
  if (p.enrolment_start && p.enrolment_end && *p.enrolment_end < *p.enrolment_start)
    return invalid("enrolment_end", "enrolment_end lies before enrolment_start");
  if (p.enrolment_start && *p.enrolment_start < p.date_of_birth)
    return invalid("enrolment_start", "enrolment_start lies before date_of_birth");
  if (p.guardians.size() > 6) return invalid("guardians", "a pupil has at most 6 guardians");
  for (std::size_t i = 0; i < p.guardians.size(); ++i)
    if (auto s = validate_guardian(p.guardians[i], i); !s) return s;
  return ok_status();
}

bool same_master_data(const Pupil& a, const Pupil& b) {
  auto strip_ids = [](std::vector<Guardian> gs) {
    for (auto& g : gs) {
      g.id.clear();
      g.user_id.clear();
      g.from.reset();
      g.until.reset();
    }
    return gs;
  };
  return a.school_id == b.school_id && a.pupil_number == b.pupil_number &&
         a.given_name == b.given_name && a.name_prefix == b.name_prefix &&
         a.family_name == b.family_name && a.date_of_birth == b.date_of_birth && a.bsn == b.bsn &&
         a.class_name == b.class_name && a.mentor_user_id == b.mentor_user_id &&
         a.enrolment_start == b.enrolment_start && a.enrolment_end == b.enrolment_end &&
         strip_ids(a.guardians) == strip_ids(b.guardians);
}

}  // namespace samen::domain
