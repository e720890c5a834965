#include "domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace samen::domain {

TEST(PasswordPolicy, RejectsShortAndGuessablePasswords) {
  EXPECT_EQ(check_password_strength("Kort1!", "a@b.example", "A").error().code, "weak_password");
  EXPECT_FALSE(check_password_strength("password1234", "a@b.example", "A"));
  EXPECT_FALSE(check_password_strength("aaaaaaaaaaaaaaaa", "a@b.example", "A"));
  EXPECT_FALSE(check_password_strength("qwertyuiop123", "a@b.example", "A"));
  EXPECT_FALSE(
      check_password_strength("jan.jansen2024", "jan.jansen@school.example", "Jan Jansen"));
}

TEST(PasswordPolicy, AcceptsLongUnguessablePasswords) {
  EXPECT_TRUE(check_password_strength("Lindeveld-demo-2026!", "", ""));
  EXPECT_TRUE(check_password_strength("paars konijn fietst naar zee", "a@b.example", "A"));
}

}  // namespace samen::domain
