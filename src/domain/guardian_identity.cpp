#include "domain/guardian_identity.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace samen::domain {
namespace {

const Guardian* by_id(const std::vector<Guardian>& gs, const std::string& id) {
  if (id.empty()) return nullptr;
  for (const auto& g : gs)
    if (g.id == id) return &g;
  return nullptr;
}

std::string folded(std::string_view s) { return to_lower_ascii(trim(s)); }

// Digits and a leading +: "06-123 45 678" and "0612345678" are one number.
std::string phone_key(std::string_view phone) {
  std::string out;
  for (char c : phone)
    if ((c >= '0' && c <= '9') || (c == '+' && out.empty())) out += c;
  return out;
}

bool has_contact(const Guardian& g) { return !g.email.empty() || !phone_key(g.phone).empty(); }

// The same person by name and a way to reach them. A name alone is not enough: two
// guardians of one pupil may share a name, and a new partner may too. A guardian whom the
// school records without any way to reach them (neither in the file nor in Samen) has
// nothing else to go by: then the name with the same relation, so that importing the same
// file twice does not end and re-add them.
bool same_person_by_contact(const Guardian& a, const Guardian& b) {
  if (folded(a.name) != folded(b.name)) return false;
  if (!a.email.empty() && folded(a.email) == folded(b.email)) return true;
  auto phone = phone_key(a.phone);
  if (!phone.empty() && phone == phone_key(b.phone)) return true;
  return !has_contact(a) && !has_contact(b) && folded(a.relation) == folded(b.relation);
}

bool same_guardian_data(const Guardian& a, const Guardian& b) {
  return a.name == b.name && a.relation == b.relation && a.email == b.email && a.phone == b.phone &&
         a.parental_authority == b.parental_authority && a.number == b.number;
}

}  // namespace

Status check_kept_guardian_ids(const std::vector<Guardian>& current,
                               const std::vector<Guardian>& incoming) {
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < incoming.size(); ++i) {
    const std::string& id = incoming[i].id;
    if (id.empty()) continue;
    std::string field = "guardians[" + std::to_string(i) + "].id";
    if (!by_id(current, id))
      return Error{"validation_failed",
                   field + " is not a current guardian of this pupil; leave id out for a new one",
                   field};
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      return Error{"validation_failed", field + " names a guardian twice", field};
    seen.push_back(id);
  }
  return ok_status();
}

void match_import_guardians(const std::vector<Guardian>& current, std::vector<Guardian>& incoming) {
  std::vector<bool> taken(current.size(), false);
  auto take = [&](Guardian& g, std::size_t i) {
    taken[i] = true;
    g.id = current[i].id;
  };
  // Numbers first: a number is the school system's identity for the person, so a match on
  // it wins over a name that happens to fit someone else.
  for (auto& g : incoming) {
    g.id.clear();
    if (g.number.empty()) continue;
    for (std::size_t i = 0; i < current.size(); ++i)
      if (!taken[i] && current[i].number == g.number) {
        take(g, i);
        break;
      }
  }
  for (auto& g : incoming) {
    if (!g.id.empty()) continue;
    for (std::size_t i = 0; i < current.size(); ++i) {
      // A stored guardian with another number is another person, whatever the name says.
      bool numbers_differ =
          !g.number.empty() && !current[i].number.empty() && g.number != current[i].number;
      if (!taken[i] && !numbers_differ && same_person_by_contact(g, current[i])) {
        take(g, i);
        break;
      }
    }
  }
}

void keep_unstated_numbers(const std::vector<Guardian>& current, std::vector<Guardian>& incoming) {
  for (auto& g : incoming)
    if (const Guardian* stored = by_id(current, g.id); stored && g.number.empty())
      g.number = stored->number;
}

std::vector<GuardianChange> guardian_changes(const std::vector<Guardian>& current,
                                             const std::vector<Guardian>& incoming) {
  std::vector<GuardianChange> out;
  for (const auto& g : incoming) {
    const Guardian* stored = by_id(current, g.id);
    if (!stored)
      out.push_back({GuardianChange::Kind::added, "", g.name});
    else if (!same_guardian_data(*stored, g))
      out.push_back({GuardianChange::Kind::changed, g.id, g.name});
  }
  for (const auto& id : guardians_to_end(current, incoming))
    out.push_back({GuardianChange::Kind::ended, id, by_id(current, id)->name});
  return out;
}

std::string_view to_string(GuardianChange::Kind kind) {
  switch (kind) {
    case GuardianChange::Kind::added:
      return "added";
    case GuardianChange::Kind::ended:
      return "ended";
    case GuardianChange::Kind::changed:
      return "changed";
  }
  return "changed";
}

std::vector<std::string> guardians_to_end(const std::vector<Guardian>& current,
                                          const std::vector<Guardian>& incoming) {
  std::vector<std::string> out;
  for (const auto& g : current)
    if (!by_id(incoming, g.id)) out.push_back(g.id);
  return out;
}

}  // namespace samen::domain
