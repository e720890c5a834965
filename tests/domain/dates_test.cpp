#include "domain/dates.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(Dates, ParsesIsoAndDutchNotation) {
  EXPECT_EQ(parse_date("2012-03-04"), (Date{2012, 3, 4}));
  EXPECT_EQ(parse_date("04-03-2012"), (Date{2012, 3, 4}));
  EXPECT_FALSE(parse_date("2012-02-30"));
  EXPECT_FALSE(parse_date("31-04-2012"));
  EXPECT_FALSE(parse_date("2012/03/04"));
  EXPECT_FALSE(parse_date("4-3-2012"));
  EXPECT_FALSE(parse_iso_date("04-03-2012"));
  EXPECT_EQ(to_iso(Date{2012, 3, 4}), "2012-03-04");
}

TEST(Dates, AgeCountsWholeYearsOnTheBirthday) {
  Date born{2010, 6, 15};
  EXPECT_EQ(age_on(born, Date{2022, 6, 14}), 11);
  EXPECT_EQ(age_on(born, Date{2022, 6, 15}), 12);
  EXPECT_EQ(age_on(Date{2008, 2, 29}, Date{2024, 2, 28}), 15);
  EXPECT_EQ(age_on(Date{2008, 2, 29}, Date{2024, 2, 29}), 16);
}

TEST(Dates, InstantsRoundTrip) {
  auto t = parse_instant("2026-11-24T08:30:15.250Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_instant(*t), "2026-11-24T08:30:15.250Z");
  EXPECT_EQ(parse_instant("2026-11-24T08:30:15Z"), *t - 250);
  EXPECT_EQ(format_instant(*parse_instant("2026-11-24")), "2026-11-24T00:00:00.000Z");
  EXPECT_FALSE(parse_instant("2026-11-24 08:30"));
  EXPECT_EQ(date_of(*t), (Date{2026, 11, 24}));
  EXPECT_EQ(add_days(Date{2026, 12, 31}, 1), (Date{2027, 1, 1}));
}

}  // namespace samen::domain
