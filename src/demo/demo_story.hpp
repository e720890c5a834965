#pragma once
// The building blocks of the demo's case stories (demo_cases.cpp): a story writes one
// pupil's case through the store, keeping its facts consistent (the consent parties the
// pupil's age requires, the case's current version for a level change).
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_cases.hpp"
#include "domain/consent.hpp"

namespace samen::demo::story {

using domain::Audience;
using domain::EntryCategory;
using domain::Role;
using Person = DemoPeople::Person;

// A moment of the demo's school year 2026.
inline domain::Millis at(int month, int day, int hour) {
  return domain::netherlands_midnight(domain::Date{2026, month, day}) + hour * 3600000LL;
}

// Writes one story: a case of one pupil, with helpers that keep the facts consistent.
class Story {
 public:
  Story(store::WriteTx& tx, const domain::Pupil& pupil) : tx_(tx), pupil_(pupil) {}

  std::string open(const Person& opener, const Person& lead, std::vector<EntryCategory> categories,
                   int level, domain::Millis when, domain::Date review, const std::string& why) {
    store::CaseRecord c;
    c.pupil_id = pupil_.id;
    c.school_id = pupil_.school_id;
    c.lead_membership_id = lead.membership_id;
    c.categories = std::move(categories);
    c.level = level;
    c.review_date = review;
    c.opened_by_user_id = opener.user_id;
    c.opened_at = when;
    case_id_ = tx_.insert_case(c, why);
    return case_id_;
  }

  void seat(const Person& who, const Person& by, const std::string& reason, domain::Millis when) {
    store::TeamMember m;
    m.case_id = case_id_;
    m.membership_id = who.membership_id;
    m.reason = reason;
    m.added_by_user_id = by.user_id;
    m.added_at = when;
    tx_.add_team_member(m);
  }

  void level(const Person& by, int to, const std::string& reason, domain::Millis when) {
    auto current = tx_.case_record(case_id_);
    store::LevelChange change;
    change.case_id = case_id_;
    change.to_level = to;
    change.reason = reason;
    change.changed_by_user_id = by.user_id;
    change.changed_by_membership_id = by.membership_id;
    change.changed_at = when;
    tx_.change_level(change, current->version);
  }

  std::string entry(const Person& author, Role role, const std::string& kind,
                    EntryCategory category, Audience audience, bool family_visible,
                    domain::Millis when, const std::string& text,
                    const std::string& corrects = {}) {
    store::EntryRecord e;
    e.facts = domain::EntryFacts{
        "",   case_id_, pupil_.id, author.user_id, author.membership_id, author.organisation_id,
        role, audience, category,  family_visible};
    e.kind = kind;
    e.text = text;
    e.corrects_entry_id = corrects;
    e.created_at = when;
    return tx_.append_entry(e);
  }

  void goal(const Person& by, const std::string& text, domain::Millis when) {
    tx_.insert_goal(store::GoalRecord{"", case_id_, text, by.user_id, when, std::nullopt, 1});
  }

  void action(const Person& by, const Person& owner, const std::string& text, domain::Date due,
              std::optional<domain::Millis> done, domain::Millis when) {
    tx_.insert_action(store::ActionRecord{"", case_id_, text, owner.membership_id, due, by.user_id,
                                          when, done, 1});
  }

  // A grant with the parties the pupil's age at `from` requires (WGBO).
  std::string consent(const Person& recorder, std::vector<std::string> organisations,
                      std::vector<Role> roles, bool guardians,
                      std::vector<EntryCategory> categories, domain::Millis from,
                      const std::string& text,
                      domain::ConsentSource via = domain::ConsentSource::paper) {
    store::ConsentGrantRecord r;
    auto& g = r.grant;
    g.pupil_id = pupil_.id;
    auto band = domain::consent_band_at(pupil_.date_of_birth, from);
    if (band != domain::ConsentBand::pupil) g.given_by_guardian_ids = {pupil_.guardians.at(0).id};
    g.given_by_pupil = band != domain::ConsentBand::guardian;
    g.recipient_organisation_ids = std::move(organisations);
    g.recipient_roles = std::move(roles);
    g.recipient_guardians = guardians;
    g.categories = std::move(categories);
    g.valid_from = from;
    // Until withdrawn: the stories must hold on whatever day the demo is opened.
    // Mostly the school records a signed form for other organisations, which counts at
    // once; a grant that names the recorder's own organisation waits for a confirmation.
    g.obtained_via = via;
    g.awaits_confirmation =
        std::find(g.recipient_organisation_ids.begin(), g.recipient_organisation_ids.end(),
                  recorder.organisation_id) != g.recipient_organisation_ids.end();
    r.text = text;
    r.recorded_by_user_id = recorder.user_id;
    r.recorded_by_membership_id = recorder.membership_id;
    r.recorded_at = from;
    return tx_.insert_consent_grant(r);
  }

  // A consent request the family has not answered yet: the normal, digital way.
  std::string request(const Person& sender, std::vector<std::string> organisations,
                      std::vector<EntryCategory> categories, domain::Millis when,
                      const std::string& text) {
    store::ConsentRequestRecord r;
    auto& q = r.request;
    q.pupil_id = pupil_.id;
    q.recipient_organisation_ids = std::move(organisations);
    q.categories = std::move(categories);
    q.valid_from = when;
    q.sent_by_user_id = sender.user_id;
    q.sent_by_membership_id = sender.membership_id;
    q.sent_at = when;
    r.text = text;
    return tx_.insert_consent_request(r);
  }

  const std::string& id() const { return case_id_; }
  const domain::Pupil& pupil() const { return pupil_; }

 private:
  store::WriteTx& tx_;
  const domain::Pupil& pupil_;
  std::string case_id_;
};

inline std::string signal(store::WriteTx& tx, const domain::Pupil& p, const Person& author,
                          Role role, std::vector<EntryCategory> categories,
                          const std::string& urgency, const std::string& text,
                          domain::Millis when) {
  store::SignalRecord s;
  s.pupil_id = p.id;
  s.school_id = p.school_id;
  s.author_user_id = author.user_id;
  s.author_membership_id = author.membership_id;
  s.author_organisation_id = author.organisation_id;
  s.author_role = role;
  s.categories = std::move(categories);
  s.urgency = urgency;
  s.text = text;
  s.created_at = when;
  return tx.insert_signal(s);
}

inline void triage(store::WriteTx& tx, const std::string& signal_id, const Person& cc,
                   const std::string& decision, const std::string& advice,
                   const std::string& case_id, domain::Millis when) {
  tx.triage_signal(
      signal_id, store::SignalTriage{decision, cc.user_id, cc.membership_id, when, advice, case_id},
      1);
}

}  // namespace samen::demo::story
