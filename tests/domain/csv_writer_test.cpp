#include "domain/csv_writer.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(CsvWriter, CellsThatASpreadsheetWouldRunAreNeutralised) {
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_cell("+31 6 1234"), "'+31 6 1234");
  EXPECT_EQ(csv_cell("-2+3"), "'-2+3");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\t=1"), "'\t=1");
}

TEST(CsvWriter, OrdinaryCellsStayAsTheyAre) {
  EXPECT_EQ(csv_cell("Jansen"), "Jansen");
  EXPECT_EQ(csv_cell("a=b"), "a=b");
  EXPECT_EQ(csv_cell(""), "");
}

TEST(CsvWriter, QuotesWhatRfc4180Requires) {
  EXPECT_EQ(csv_cell("de Vries; Jan"), "\"de Vries; Jan\"");
  EXPECT_EQ(csv_cell("a,b", ','), "\"a,b\"");
  EXPECT_EQ(csv_cell("a,b", ';'), "a,b");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_row({"1", "=x", "y"}), "1;'=x;y\r\n");
}

}  // namespace samen::domain
