#include "domain/pupil_csv.hpp"

#include <gtest/gtest.h>

namespace samen::domain {
namespace {

struct Parsed {
  std::vector<CsvPupilRow> rows;  // the valid ones
  CsvErrors errors;
  std::vector<std::string> ignored_columns;
  int rows_seen = 0;  // valid or not
};

// Feeds the text in pieces of `piece` bytes (0: all at once), as a file read in chunks.
Parsed parse(std::string_view csv, std::size_t piece = 0) {
  Parsed out;
  PupilCsvReader reader("5", out.errors, [&](CsvPupilRow& row, bool valid) {
    ++out.rows_seen;
    if (valid) out.rows.push_back(row);
  });
  if (piece == 0) piece = csv.size() + 1;
  for (std::size_t at = 0; at < csv.size(); at += piece) reader.feed(csv.substr(at, piece));
  reader.finish();
  out.ignored_columns = reader.ignored_columns();
  return out;
}

TEST(PupilCsv, ReadsDutchExportWithBomSemicolonsAndQuotes) {
  std::string csv =
      "\xEF\xBB\xBFLeerlingnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;BSN;Ouder1_"
      "naam;Ouder1_gezag;Extra\r\n"
      "1001;Sanne;van der;Berg;01-05-2012;1A;111222333;\"Berg; M. van der\";ja;x\r\n"
      "1002;\"Daan \"\"D\"\"\";;Jansen;2011-12-31;1B;;;;y\r\n";
  auto r = parse(csv);
  ASSERT_TRUE(r.errors.empty()) << r.errors.list[0].message;
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
  auto r = parse("pupil_number,given_name,family_name,date_of_birth\n7,Emma,Visser,2013-01-02\n");
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].pupil.family_name, "Visser");
}

TEST(PupilCsv, CollectsEveryErrorWithLineAndColumn) {
  std::string csv =
      "leerlingnummer;roepnaam;achternaam;geboortedatum;bsn;mentor\n"
      "1;Anna;Bos;31-02-2012;;\n"
      "2;;Kok;01-01-2012;;\n"
      "3;Noah;Maas;01-01-2012;123456789;\n"
      "4;Eva;Vos;01-01-2012;;M@School.example\n";
  auto r = parse(csv);
  ASSERT_EQ(r.errors.list.size(), 3u);
  EXPECT_EQ(r.errors.list[0].line, 2);
  EXPECT_EQ(r.errors.list[0].column, "geboortedatum");
  EXPECT_EQ(r.errors.list[1].line, 3);
  EXPECT_EQ(r.errors.list[1].column, "roepnaam");
  EXPECT_EQ(r.errors.list[2].line, 4);
  EXPECT_EQ(r.errors.list[2].column, "bsn");
  // Rows with errors still come by (the importer checks their numbers for repeats).
  EXPECT_EQ(r.rows_seen, 4);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0].mentor_email, "m@school.example");
}

TEST(PupilCsv, MissingRequiredColumnsAndBrokenQuoting) {
  auto missing = parse("roepnaam;achternaam\nA;B\n");
  ASSERT_EQ(missing.errors.list.size(), 2u);
  EXPECT_EQ(missing.errors.list[0].line, 1);
  EXPECT_EQ(missing.rows_seen, 0);
  auto broken =
      parse("leerlingnummer;roepnaam;achternaam;geboortedatum\n1;\"Anna;Bos;01-01-2012\n");
  ASSERT_FALSE(broken.errors.empty());
  EXPECT_TRUE(broken.rows.empty());
  auto empty = parse(" \r\n");
  ASSERT_EQ(empty.errors.list.size(), 1u);
  EXPECT_EQ(empty.errors.list[0].message, "the file is empty; expected a header row");
  EXPECT_FALSE(parse("").errors.empty());
}

TEST(PupilCsv, NonUtf8StopsReadingAtTheLineWhereItStarts) {
  auto r = parse(
      "leerlingnummer;roepnaam;achternaam;geboortedatum\n1;A;B;01-01-2012\n2;\xFF;B;01-01-2012\n"
      "3;C;D;01-01-2012\n");
  ASSERT_EQ(r.errors.list.size(), 1u);
  EXPECT_EQ(r.errors.list[0].line, 3);
  EXPECT_EQ(r.rows.size(), 1u) << "the rows before it were read; none after";
}

TEST(PupilCsv, StopsListingAfterAHundredErrors) {
  std::string csv = "leerlingnummer;roepnaam;achternaam;geboortedatum\n";
  for (int i = 0; i < 150; ++i) csv += std::to_string(i) + ";A;B;not-a-date\n";
  auto r = parse(csv);
  EXPECT_EQ(r.errors.list.size(), kMaxCsvErrors);
  EXPECT_TRUE(r.errors.truncated);
}

TEST(PupilCsv, ThePiecesAFileArrivesInDoNotMatter) {
  // Splits fall inside quoted fields, CRLF pairs, the BOM and a two-byte UTF-8 letter. The
  // field spanning two lines is in an ignored column: a name may not hold a line break.
  std::string csv =
      "\xEF\xBB\xBFleerlingnummer;roepnaam;achternaam;geboortedatum;ouder1_naam;opmerking\r\n"
      "1;Zo\xC3\xAB;\"Bos;Kok\";01-01-2012;\"A \"\"B\"\"\";\"twee\r\nregels\"\r\n"
      "2;;Kok;01-01-2012;;\r\n"
      "3;Eva;Vos;2012-02-03;X;";
  auto whole = parse(csv);
  ASSERT_EQ(whole.rows.size(), 2u);
  EXPECT_EQ(whole.rows[0].pupil.family_name, "Bos;Kok");
  EXPECT_EQ(whole.rows[1].line, 5);
  for (std::size_t piece : {1, 2, 3, 5, 7, 64}) {
    auto split = parse(csv, piece);
    ASSERT_EQ(split.rows.size(), whole.rows.size()) << piece;
    for (std::size_t i = 0; i < split.rows.size(); ++i) {
      EXPECT_EQ(split.rows[i].line, whole.rows[i].line);
      EXPECT_TRUE(same_master_data(split.rows[i].pupil, whole.rows[i].pupil)) << piece;
    }
    ASSERT_EQ(split.errors.list.size(), 1u) << piece;
    EXPECT_EQ(split.errors.list[0].line, 4);
    EXPECT_EQ(split.errors.list[0].column, "roepnaam");
  }
}

TEST(PupilCsv, NamesRefuseControlCharacters) {
  auto r = parse(
      "leerlingnummer;roepnaam;achternaam;geboortedatum\n"
      "1;\"An\nna\";Bos;01-01-2012\n"
      "2;Eva;Vos\x01;01-01-2012\n");
  EXPECT_TRUE(r.rows.empty());
  ASSERT_EQ(r.errors.list.size(), 2u);
  EXPECT_EQ(r.errors.list[0].line, 2);
  EXPECT_EQ(r.errors.list[0].column, "roepnaam");
  EXPECT_NE(r.errors.list[0].message.find("U+000A (line feed)"), std::string::npos);
  EXPECT_EQ(r.errors.list[1].column, "achternaam");
}

TEST(PupilCsv, RefusesALineOverAMebibyteInsteadOfHoldingIt) {
  std::string csv = "leerlingnummer;roepnaam;achternaam;geboortedatum\n1;";
  csv += std::string((1 << 20) + 10, 'a');
  auto r = parse(csv, 4096);
  ASSERT_EQ(r.errors.list.size(), 1u);
  EXPECT_EQ(r.errors.list[0].line, 2);
  EXPECT_NE(r.errors.list[0].message.find("1 MiB"), std::string::npos);
}

TEST(CsvErrors, MergeKeepsLineOrderAndTheLimit) {
  CsvErrors errors;
  errors.add({2, "a", "x"});
  errors.add({9, "a", "y"});
  errors.merge({{3, "n", "dup"}, {9, "n", "dup"}, {12, "n", "dup"}}, false);
  ASSERT_EQ(errors.list.size(), 5u);
  EXPECT_EQ(errors.list[1].line, 3);
  EXPECT_EQ(errors.list[2].message, "y") << "on one line the earlier check's error comes first";
  EXPECT_FALSE(errors.truncated);

  CsvErrors full;
  for (int i = 0; i < 101; ++i) full.add({10 + i, "", "e"});
  ASSERT_TRUE(full.truncated);
  full.merge({{1, "", "dup"}, {500, "", "dup"}}, false);
  EXPECT_EQ(full.list.size(), kMaxCsvErrors);
  EXPECT_EQ(full.list.front().line, 1);
  EXPECT_EQ(full.list.back().line, 108) << "line 500 could lie after errors that were dropped";
  EXPECT_TRUE(full.truncated);
}

}  // namespace
}  // namespace samen::domain
