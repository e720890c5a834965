#include "domain/pupil_csv.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(PupilCsv, ReadsDutchExportWithBomSemicolonsAndQuotes) {
  std::string csv =
      "\xEF\xBB\xBFLeerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;BSN;Ouder1_"
      "naam;Ouder1_gezag;Extra\r\n"
      "1001;Sanne;van der;Berg;01-05-2012;1A;111222333;\"Berg; M. van der\";ja;x\r\n"
      "1002;\"Daan \"\"D\"\"\";;Jansen;2011-12-31;1B;;;;y\r\n";
  auto r = parse_pupil_csv(csv, "5");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].line, 2);
  EXPECT_EQ(r.rows[0].pupil.name_prefix, "van der");
  EXPECT_EQ(r.rows[0].pupil.date_of_birth, (Date{2012, 5, 1}));
  ASSERT_EQ(r.rows[0].pupil.guardians.size(), 1u);
  EXPECT_EQ(r.rows[0].pupil.guardians[0].name, "Berg; M. van der");
  EXPECT_EQ(r.rows[1].pupil.given_name, "Daan \"D\"");
  EXPECT_TRUE(r.rows[1].pupil.guardians.empty());
  EXPECT_EQ(r.ignored_columns, std::vector<std::string>{"Extra"});
}

TEST(PupilCsv, EnglishHeadersWithCommas) {
  auto r = parse_pupil_csv(
      "pupil_number,given_name,family_name,date_of_birth\n7,Emma,Visser,2013-01-02\n", "5");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].pupil.family_name, "Visser");
}

TEST(PupilCsv, CollectsEveryErrorWithLineAndColumn) {
  std::string csv =
      "leerlingnummer;roepnaam;achternaam;geboortedatum;bsn\n"
      "1;Anna;Bos;31-02-2012;\n"
      "2;;Kok;01-01-2012;\n"
      "3;Noah;Maas;01-01-2012;123456789\n"
      "1;Eva;Vos;01-01-2012;\n";
  auto r = parse_pupil_csv(csv, "5");
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, "geboortedatum");
  EXPECT_EQ(r.errors[1].line, 3);
  EXPECT_EQ(r.errors[1].column, "roepnaam");
  EXPECT_EQ(r.errors[2].line, 4);
  EXPECT_EQ(r.errors[2].column, "bsn");
  EXPECT_EQ(r.errors[3].line, 5);
  EXPECT_EQ(r.errors[3].column, "leerlingnummer");
}

TEST(PupilCsv, MissingRequiredColumnsAndBrokenQuoting) {
  auto missing = parse_pupil_csv("roepnaam;achternaam\nA;B\n", "5");
  ASSERT_EQ(missing.errors.size(), 2u);
  EXPECT_EQ(missing.errors[0].line, 1);
  auto broken = parse_pupil_csv(
      "leerlingnummer;roepnaam;achternaam;geboortedatum\n1;\"Anna;Bos;01-01-2012\n", "5");
  ASSERT_FALSE(broken.errors.empty());
  EXPECT_TRUE(broken.rows.empty());
  EXPECT_FALSE(parse_pupil_csv("", "5").errors.empty());
  EXPECT_FALSE(parse_pupil_csv(
                   "leerlingnummer;roepnaam;achternaam;geboortedatum\n1;\xFF;B;01-01-2012\n", "5")
                   .errors.empty());
}

TEST(PupilCsv, StopsListingAfterAHundredErrors) {
  std::string csv = "leerlingnummer;roepnaam;achternaam;geboortedatum\n";
  for (int i = 0; i < 150; ++i) csv += std::to_string(i) + ";A;B;not-a-date\n";
  auto r = parse_pupil_csv(csv, "5");
  EXPECT_EQ(r.errors.size(), kMaxCsvErrors);
  EXPECT_TRUE(r.truncated_errors);
}

}  // namespace samen::domain
