// The streaming writer must give exactly what Boost.JSON would for the same values.
#include "http/json_writer.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace samen::http {
namespace {

namespace json = boost::json;

TEST(JsonWriter, NestedObjectsAndArraysParseBackToTheSameValue) {
  std::string out;
  JsonWriter w(out);
  w.begin_object()
      .field("id", "17")
      .field("n", std::int64_t{-42})
      .field("ok", true)
      .key("none")
      .null()
      .key("list")
      .begin_array()
      .value(1)
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .value("x")
      .end_array()
      .key("tree")
      .value(json::value{{"a", json::array{1, 2}}})
      .key("lead")
      .text_or_null("")
      .field_or_null("outcome", "")
      .field_or_null("note", "kept")
      .end_object();
  EXPECT_EQ(json::parse(out), json::parse(R"({"id":"17","n":-42,"ok":true,"none":null,
    "list":[1,{},[],"x"],"tree":{"a":[1,2]},"lead":null,"outcome":null,"note":"kept"})"))
      << out;
}

TEST(JsonWriter, EscapesStringsLikeBoostJson) {
  const std::string awkward = std::string("quote \" backslash \\ tab \t nl \n cr \r bell ") +
                              '\x07' + " nul " + std::string(1, '\0') +
                              " é ü 🙂 </script> \x1f end";
  std::string out;
  JsonWriter(out).value(awkward);
  EXPECT_EQ(out, json::serialize(json::value(awkward)));
  EXPECT_EQ(json::parse(out).as_string(), awkward);
}

TEST(JsonWriter, MatchesBoostJsonForAPageOfRows) {
  json::array tree;
  std::string out;
  JsonWriter w(out);
  w.begin_array();
  for (int i = 0; i < 25; ++i) {
    std::string text = "regel " + std::to_string(i) + " \"met\" aanhalingstekens\n";
    tree.push_back(json::object{{"id", std::to_string(i)}, {"text", text}, {"n", i}});
    w.begin_object().field("id", std::to_string(i)).field("text", text).field("n", i).end_object();
  }
  w.end_array();
  EXPECT_EQ(out, json::serialize(tree));
}

}  // namespace
}  // namespace samen::http
