#include "api/put_forward_support.hpp"

#include <algorithm>

#include "api/meeting_invites.hpp"
#include "api/meeting_support.hpp"
#include "api/name_book.hpp"
#include "domain/policy_cases.hpp"
#include "domain/policy_record.hpp"

namespace samen::api {
namespace json = boost::json;

namespace {

// Looking further than this for the next consultation finds a series that stopped.
constexpr domain::Millis kHorizon = 10LL * 7 * 24 * 3600 * 1000;

// Changes the meeting's agenda to `items` and tells whom that concerns; false when the
// meeting changed meanwhile (it cannot inside one write, but the store says so).
bool change_agenda(store::WriteTx& w, const Settings& settings, const store::MeetingRecord& m,
                   const std::vector<store::MeetingItemRecord>& items, const Actor& actor,
                   domain::Millis now) {
  auto before = load_meeting(w, m);
  if (!before || !w.replace_agenda(m.id, items, m.version)) return false;
  if (auto after = load_meeting(w, std::move(*w.meeting(m.id))))
    tell_meeting_change(w, settings, &*before, *after, now, actor.user.id);
  return true;
}

}  // namespace

std::optional<store::PutForwardRecord> open_put_forward(store::ReadTx& tx,
                                                        const std::string& case_id) {
  for (auto& p : tx.put_forwards_of_case(case_id))
    if (!p.settled_at) return std::move(p);
  return std::nullopt;
}

json::value put_forward_json(store::ReadTx& tx, const std::optional<store::PutForwardRecord>& p,
                             const domain::Viewer& viewer, const domain::CaseFacts& facts,
                             bool with_question) {
  if (!p || !domain::may_see_put_forward(viewer)) return nullptr;
  auto by = tx.membership(p->membership_id);
  bool named = by && domain::may_see_name_of(viewer, facts, by->id, by->role);
  NameBook names(tx);
  json::object o{
      {"id", p->id},
      {"membership_id", p->membership_id},
      {"name", named ? names.user(by->user_id) : std::string()},
      {"role", by ? domain::to_string(by->role) : ""},
      {"at", domain::format_instant(p->created_at)},
      {"may",
       json::object{
           {"withdraw",
            domain::decide_put_forward_withdrawal(viewer, facts, p->membership_id).allowed}}}};
  if (with_question) o["question"] = p->question;
  return o;
}

std::optional<store::MeetingRecord> next_consultation(store::ReadTx& tx,
                                                      const std::string& school_id,
                                                      domain::Millis now) {
  for (auto& m : tx.meetings_of_school(school_id, now, now + kHorizon))
    if (m.kind == "case_consultation" && m.status == "planned" && !m.minutes_closed_at)
      return std::move(m);
  return std::nullopt;
}

AgendaTouch put_on_next_consultation(store::WriteTx& w, const Settings& settings,
                                     const store::CaseRecord& c, const Actor& actor,
                                     domain::Millis now) {
  auto m = next_consultation(w, c.school_id, now);
  if (!m) return {};
  auto& items = m->items;
  if (std::any_of(items.begin(), items.end(), [&](const auto& i) { return i.case_id == c.id; }))
    return {m->id, false};  // on it already: the item shows the question
  store::MeetingItemRecord item;
  item.case_id = c.id;
  item.pupil_id = c.pupil_id;
  item.reason = "put_forward";
  item.reasons = {"put_forward"};
  item.categories = c.categories;
  auto changed = items;
  changed.push_back(std::move(item));
  return {m->id, change_agenda(w, settings, *m, changed, actor, now)};
}

AgendaTouch take_off_next_consultation(store::WriteTx& w, const Settings& settings,
                                       const store::CaseRecord& c, const Actor& actor,
                                       domain::Millis now) {
  auto m = next_consultation(w, c.school_id, now);
  if (!m) return {};
  auto minutes = w.meeting_minutes(m->id);
  auto changed = m->items;
  auto gone = std::remove_if(changed.begin(), changed.end(), [&](const auto& i) {
    bool noted = std::any_of(minutes.begin(), minutes.end(),
                             [&](const auto& r) { return r.item_id == i.id; });
    return i.case_id == c.id && i.reasons == std::vector<std::string>{"put_forward"} && !noted;
  });
  if (gone == changed.end()) return {m->id, false};
  changed.erase(gone, changed.end());
  return {m->id, change_agenda(w, settings, *m, changed, actor, now)};
}

}  // namespace samen::api
