#include "demo/demo_region.hpp"

#include <fmt/format.h>

#include <map>

#include "audit/audited_writer.hpp"
#include "demo/demo_cases.hpp"
#include "demo/demo_meetings.hpp"
#include "demo/names.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"

namespace samen::demo {
namespace {

using domain::Role;

// splitmix64: tiny, and the same sequence on every platform (std distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::uint64_t state_;
};

// Ages are fixed against the start of the 2026/27 school year, so the region is the same
// whatever day it is generated.
constexpr domain::Date kSchoolYearStart{2026, 8, 1};

std::string email_part(std::string_view text) {
  std::string out;
  for (char c : domain::to_lower_ascii(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

std::string fictional_bsn(Random& rng) {
  for (;;) {
    int digits[9];
    int sum = 0;
    digits[0] = 1 + rng.below(9);
    for (int i = 0; i < 8; ++i) {
      if (i > 0) digits[i] = rng.below(10);
      sum += (9 - i) * digits[i];
    }
    int check = sum % 11;  // 9th digit d with sum - d ≡ 0 (mod 11)
    if (check > 9) continue;
    digits[8] = check;
    std::string out;
    for (int d : digits) out += static_cast<char>('0' + d);
    return out;
  }
}

struct SchoolPlan {
  std::string org_id;
  std::string domain;
  domain::SchoolType type;
  int share;  // percent of the pupils
};

struct Builder {
  store::WriteTx& tx;
  Random rng;
  std::string password_hash;
  DemoResult result;
  std::string region_id;

  std::string org(const std::string& name, domain::OrgType type,
                  std::optional<domain::SchoolType> st = {}) {
    return tx.insert_organisation(store::Organisation{"", region_id, name, type, st, true, 1});
  }

  std::string user(const std::string& email, const std::string& name) {
    ++result.users;
    return tx.insert_user(store::User{"", email, name, password_hash, true, 1});
  }

  std::string member(const std::string& user_id, const std::string& org_id, Role role) {
    return tx.insert_membership(store::Membership{"", user_id, org_id, role, true, "", ""});
  }

  // A named login for the table printed by `samen demo`.
  std::string login(const std::string& email, const std::string& name, const std::string& org_id,
                    const std::string& org_name, Role role) {
    std::string id = user(email, name);
    member(id, org_id, role);
    result.logins.push_back({email, name, std::string(domain::to_string(role)), org_name});
    return id;
  }
};

// Parallel classes are lettered A..Z, then AA, AB, ... (large demo regions).
std::string class_name(domain::SchoolType type, int year, int parallel) {
  std::string letters;
  for (int n = parallel + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  if (type == domain::SchoolType::primary) return fmt::format("groep {}{}", year, letters);
  return fmt::format("{}{}", year, letters);
}

}  // namespace

DemoResult create_demo_region(store::Store& store, const DemoOptions& options) {
  std::string hash = security::hash_password(options.password);
  audit::AuditedWriter writer(store);
  DemoResult out;
  writer.run([&](store::WriteTx& tx) {
    if (!tx.regions().empty())
      throw store::StoreError("the database already holds a region; use a new file");
    Builder b{tx, Random(options.seed), hash, {}, ""};
    b.region_id = tx.insert_region(store::Region{"", "Regio Lindeveld"});
    auto municipality = b.org("Gemeente Lindeveld", domain::OrgType::municipality);
    auto partnership =
        b.org("Samenwerkingsverband Passend Onderwijs Lindeveld", domain::OrgType::partnership);
    auto baken = b.org("Het Baken College", domain::OrgType::school, domain::SchoolType::secondary);
    auto wilgenhoek =
        b.org("OBS De Wilgenhoek", domain::OrgType::school, domain::SchoolType::primary);
    auto horizon =
        b.org("De Horizon (cluster 4)", domain::OrgType::school, domain::SchoolType::cluster4);
    auto brug = b.org("Jeugdhulp De Brug", domain::OrgType::care_provider);
    auto ggd = b.org("GGD Lindeveld Jeugdgezondheidszorg", domain::OrgType::health_service);
    auto buurtteam = b.org("Buurtteam Lindeveld-Oost", domain::OrgType::neighbourhood_team);

    auto admin = b.login("beheer@lindeveld.example", "Ria Beheerder", municipality,
                         "Gemeente Lindeveld", Role::admin);
    // The administrator also manages Het Baken's pupil records: shows switching memberships.
    b.member(admin, baken, Role::admin);
    auto mentor = b.login("mentor@hetbaken.example", "Joost de Mentor", baken, "Het Baken College",
                          Role::mentor);
    auto teacher = b.login("docent@hetbaken.example", "Fatma Yildiz", baken, "Het Baken College",
                           Role::teacher);
    auto care_coordinator = b.login("zorg@hetbaken.example", "Ellen Zorgcoördinator", baken,
                                    "Het Baken College", Role::care_coordinator);
    auto primary_care_coordinator =
        b.login("ib@wilgenhoek.example", "Karin Intern Begeleider", wilgenhoek, "OBS De Wilgenhoek",
                Role::care_coordinator);
    b.login("zorg@dehorizon.example", "Peter van Loon", horizon, "De Horizon (cluster 4)",
            Role::care_coordinator);
    auto school_care_worker = b.login("sph@debrug.example", "Mirjam Maatschappelijk Werk", brug,
                                      "Jeugdhulp De Brug", Role::school_care_worker);
    auto attendance_officer = b.login("leerplicht@lindeveld.example", "Hans Leerplicht",
                                      municipality, "Gemeente Lindeveld", Role::attendance_officer);
    auto youth_nurse = b.login("jv@ggd-lindeveld.example", "Sevda Jeugdverpleegkundige", ggd,
                               "GGD Lindeveld Jeugdgezondheidszorg", Role::youth_health);
    auto family_worker = b.login("gezinswerker@buurtteam.example", "Tom Gezinswerker", buurtteam,
                                 "Buurtteam Lindeveld-Oost", Role::family_worker);
    auto inclusion_counsellor =
        b.login("po-begeleider@swv-lindeveld.example", "Anja Passend Onderwijs", partnership,
                "Samenwerkingsverband Passend Onderwijs Lindeveld", Role::inclusion_counsellor);
    b.login("directie@hetbaken.example", "Willem Afdelingsleider", baken, "Het Baken College",
            Role::school_leader);
    b.login("beleid@lindeveld.example", "Nadia Beleid", municipality, "Gemeente Lindeveld",
            Role::policy_officer);
    b.login("onderzoek@swv-lindeveld.example", "Dr. Lisa Onderzoek", partnership,
            "Samenwerkingsverband Passend Onderwijs Lindeveld", Role::researcher);
    b.login("fg@lindeveld.example", "Marco Privacy", municipality, "Gemeente Lindeveld",
            Role::privacy_officer);

    std::vector<SchoolPlan> schools = {
        {baken, "hetbaken.example", domain::SchoolType::secondary, 50},
        {wilgenhoek, "wilgenhoek.example", domain::SchoolType::primary, 35},
        {horizon, "dehorizon.example", domain::SchoolType::cluster4, 15}};
    int assigned = 0;
    DemoCasePupils case_pupils;
    std::string guardian_login, pupil_login;
    for (std::size_t s = 0; s < schools.size(); ++s) {
      const auto& school = schools[s];
      int count =
          s + 1 == schools.size() ? options.pupils - assigned : options.pupils * school.share / 100;
      assigned += count;
      bool primary = school.type == domain::SchoolType::primary;
      int years = primary ? 8 : 6;
      int class_size = school.type == domain::SchoolType::cluster4 ? 12 : 25;
      int classes_per_year = std::max(1, (count + years * class_size - 1) / (years * class_size));
      // One mentor per class; the named demo mentor takes Het Baken's class 2A.
      std::map<std::string, std::string> mentors;
      for (int n = 0; n < count; ++n) {
        int year = 1 + n % years;
        int parallel = (n / years) % classes_per_year;
        std::string klass = class_name(school.type, year, parallel);
        std::string& mentor_id = mentors[klass];
        if (mentor_id.empty()) {
          if (school.org_id == baken && klass == "2A") {
            mentor_id = mentor;
          } else {
            const auto& given = b.rng.pick(adult_names());
            const auto& family = b.rng.pick(family_names());
            std::string full = fmt::format("{} {}{}{}", given, family.prefix,
                                           family.prefix.empty() ? "" : " ", family.name);
            // The running user count keeps addresses unique however many classes there are.
            std::string email = fmt::format("{}.{}.{}@{}", email_part(given),
                                            email_part(family.name), b.result.users, school.domain);
            mentor_id = b.user(email, full);
            b.member(mentor_id, school.org_id, Role::mentor);
          }
        }
        bool girl = b.rng.chance(50);
        const auto& family = b.rng.pick(family_names());
        domain::Pupil p;
        p.school_id = school.org_id;
        p.pupil_number = fmt::format(
            "{}{:06d}", primary ? 2 : (school.type == domain::SchoolType::secondary ? 1 : 3),
            n + 1);
        p.given_name = std::string(girl ? b.rng.pick(girl_names()) : b.rng.pick(boy_names()));
        p.name_prefix = std::string(family.prefix);
        p.family_name = std::string(family.name);
        // Group 1 starts at 4, secondary year 1 at 12; spread birthdays over the year.
        int age = (primary ? 3 + year : 11 + year);
        p.date_of_birth =
            domain::add_days(domain::Date{kSchoolYearStart.year - age, 10, 1}, -b.rng.below(365));
        if (b.rng.chance(85)) p.bsn = fictional_bsn(b.rng);
        p.class_name = klass;
        p.mentor_user_id = mentor_id;
        p.enrolment_start =
            domain::Date{kSchoolYearStart.year - (year - 1), 8, 20 + b.rng.below(10)};
        int guardians = b.rng.chance(80) ? 2 : 1;
        for (int g = 0; g < guardians; ++g) {
          domain::Guardian guardian;
          const auto& given = b.rng.pick(adult_names());
          guardian.name = fmt::format("{} {}{}{}", given, family.prefix,
                                      family.prefix.empty() ? "" : " ", family.name);
          guardian.relation = g == 0 ? "moeder" : (b.rng.chance(85) ? "vader" : "verzorger");
          guardian.email =
              fmt::format("{}.{}{}@ouders.example", email_part(given), email_part(family.name), n);
          guardian.phone = fmt::format("06-{:08d}", static_cast<int>(b.rng.next() % 100000000));
          guardian.parental_authority = g == 0 || b.rng.chance(90);
          // On the record since enrolment: a fixed instant, not the moment the demo is made.
          guardian.from = domain::netherlands_midnight(*p.enrolment_start);
          p.guardians.push_back(std::move(guardian));
        }
        auto stored = tx.insert_pupil(p);
        ++b.result.pupils;
        bool story_pupil = false;
        if (school.org_id == baken && klass == "2A" && guardian_login.empty()) {
          guardian_login = b.login("ouder@ouders.example", stored.guardians[0].name, baken,
                                   "Het Baken College", Role::guardian);
          tx.link_guardian_user(stored.guardians[0].id, guardian_login);
          case_pupils.guardian_child = stored;
          story_pupil = true;
        }
        if (school.org_id == baken && year == 5 && pupil_login.empty()) {
          pupil_login = b.login("leerling@hetbaken.example", domain::full_name(stored), baken,
                                "Het Baken College", Role::pupil);
          tx.link_pupil_user(stored.id, pupil_login);
          case_pupils.pupil_login = stored;
          story_pupil = true;
        }
        // Later years, so the stories' pupils are 13 to 16 as the seeds tell them.
        if (!story_pupil && school.org_id == baken && year >= 2 && year <= 4 &&
            case_pupils.secondary.size() < 8)
          case_pupils.secondary.push_back(stored);
        if (school.org_id == wilgenhoek && year == 5 && case_pupils.primary.empty())
          case_pupils.primary.push_back(stored);
      }
    }
    auto person = [&](const std::string& user_id) {
      auto m = tx.memberships_of(user_id).front();
      return DemoPeople::Person{user_id, m.id, m.organisation_id};
    };
    DemoPeople people{person(mentor),
                      person(teacher),
                      person(care_coordinator),
                      person(primary_care_coordinator),
                      person(school_care_worker),
                      person(attendance_officer),
                      person(youth_nurse),
                      person(family_worker),
                      person(inclusion_counsellor)};
    b.result.cases = add_demo_cases(tx, people, case_pupils);
    b.result.meetings = add_demo_meetings(tx, people, baken, domain::now_millis());
    b.result.region_id = b.region_id;
    out = std::move(b.result);
    audit::Event e;
    e.actor_user_id = "os:demo";
    e.actor_role = "operator";
    e.region_id = out.region_id;
    e.action = "create";
    e.resource_type = "demo_region";
    e.resource_id = out.region_id;
    e.reason = "demo";
    e.legal_basis = "administration";
    e.request_id = "demo";
    e.client_address = "local";
    return audit::JobOutcome{true, {e}};
  });
  return out;
}

}  // namespace samen::demo
