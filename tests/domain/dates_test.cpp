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

TEST(Dates, NetherlandsDateFollowsCetAndCest) {
  // Winter: UTC+1. 23:00 UTC on 9 March is already 10 March in Amsterdam.
  EXPECT_EQ(netherlands_date_of(*parse_instant("2026-03-09T22:59:59.999Z")), (Date{2026, 3, 9}));
  EXPECT_EQ(netherlands_date_of(*parse_instant("2026-03-09T23:00:00Z")), (Date{2026, 3, 10}));
  // Summer: UTC+2.
  EXPECT_EQ(netherlands_date_of(*parse_instant("2026-07-01T21:59:59Z")), (Date{2026, 7, 1}));
  EXPECT_EQ(netherlands_date_of(*parse_instant("2026-07-01T22:00:00Z")), (Date{2026, 7, 2}));
  // Switches: last Sunday of March (29 March 2026) and October (25 October 2026), 01:00 UTC.
  EXPECT_EQ(netherlands_midnight(Date{2026, 3, 29}), *parse_instant("2026-03-28T23:00:00Z"));
  EXPECT_EQ(netherlands_midnight(Date{2026, 3, 30}), *parse_instant("2026-03-29T22:00:00Z"));
  EXPECT_EQ(netherlands_midnight(Date{2026, 10, 25}), *parse_instant("2026-10-24T22:00:00Z"));
  EXPECT_EQ(netherlands_midnight(Date{2026, 10, 26}), *parse_instant("2026-10-25T23:00:00Z"));
  // A moment given as a date is that day's midnight in the Netherlands, not UTC's; an
  // instant stays what it says.
  EXPECT_EQ(*parse_moment("2026-12-05"), *parse_instant("2026-12-04T23:00:00Z"));
  EXPECT_EQ(*parse_moment("2026-07-01"), *parse_instant("2026-06-30T22:00:00Z"));
  EXPECT_EQ(*parse_moment("2026-12-05T00:00:00Z"), *parse_instant("2026-12-05T00:00:00Z"));
  EXPECT_FALSE(parse_moment("5-12-2026"));
  // New year in Amsterdam comes an hour before UTC's.
  EXPECT_EQ(netherlands_date_of(*parse_instant("2026-12-31T23:30:00Z")), (Date{2027, 1, 1}));
  for (Date d : {Date{2026, 1, 1}, Date{2026, 3, 29}, Date{2026, 6, 15}, Date{2026, 10, 25}}) {
    EXPECT_EQ(netherlands_date_of(netherlands_midnight(d)), d) << to_iso(d);
    EXPECT_EQ(netherlands_date_of(netherlands_midnight(d) - 1), add_days(d, -1)) << to_iso(d);
  }
}

}  // namespace samen::domain
