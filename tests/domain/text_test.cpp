#include "domain/text.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(Text, OneLineRefusesEveryControlCharacter) {
  EXPECT_EQ(control_character_in("Anna de Vries-Bos", false), std::nullopt);
  EXPECT_EQ(control_character_in("Zo\xC3\xAB", false), std::nullopt);
  EXPECT_EQ(*control_character_in("An\nna", false), "U+000A (line feed)");
  EXPECT_EQ(*control_character_in("Anna\r", false), "U+000D (carriage return)");
  EXPECT_EQ(*control_character_in(std::string("A\0B", 3), false), "U+0000 (NUL)");
  EXPECT_EQ(*control_character_in("a\tb", false), "U+0009 (tab)");
  EXPECT_EQ(*control_character_in("a\x7f", false), "U+007F");
}

TEST(Text, MultilineKeepsTabAndLineBreaksOnly) {
  EXPECT_EQ(control_character_in("een\r\ntwee\tdrie", true), std::nullopt);
  EXPECT_EQ(*control_character_in(std::string("a\0b", 3), true), "U+0000 (NUL)");
  EXPECT_EQ(*control_character_in("bel\x07", true), "U+0007");
}

}  // namespace samen::domain
