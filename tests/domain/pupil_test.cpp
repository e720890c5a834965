#include "domain/pupil.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

Pupil valid() {
  Pupil p;
  p.school_id = "1";
  p.pupil_number = "1001";
  p.given_name = "Sanne";
  p.name_prefix = "van der";
  p.family_name = "Berg";
  p.date_of_birth = Date{2012, 5, 1};
  p.guardians.push_back(Guardian{
      "", "Marieke van der Berg", "moeder", "m@ouders.example", "06-1", true, "", "", {}, {}});
  return p;
}

}  // namespace

TEST(Pupil, FullNameTheDutchWay) { EXPECT_EQ(full_name(valid()), "Sanne van der Berg"); }

TEST(Pupil, ValidationNamesTheField) {
  EXPECT_TRUE(validate_pupil(valid()));
  auto p = valid();
  p.bsn = "123456789";
  EXPECT_EQ(validate_pupil(p).error().field, "bsn");
  p = valid();
  p.family_name = "  ";
  EXPECT_EQ(validate_pupil(p).error().field, "family_name");
  p = valid();
  p.guardians[0].email = "not-an-address";
  EXPECT_EQ(validate_pupil(p).error().field, "guardians[0].email");
  p = valid();
  p.enrolment_start = Date{2020, 8, 1};
  p.enrolment_end = Date{2019, 8, 1};
  EXPECT_EQ(validate_pupil(p).error().field, "enrolment_end");
  p = valid();
  p.given_name = std::string("\xC3\x28", 2);
  EXPECT_EQ(validate_pupil(p).error().field, "given_name");
}

TEST(Pupil, SameMasterDataIgnoresIdsAndVersion) {
  auto a = valid();
  auto b = valid();
  b.id = "7";
  b.version = 3;
  b.guardians[0].id = "9";
  EXPECT_TRUE(same_master_data(a, b));
  b.class_name = "2B";
  EXPECT_FALSE(same_master_data(a, b));
}

}  // namespace samen::domain
