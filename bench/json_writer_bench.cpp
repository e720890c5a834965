// A chronology-like page (25 entries of 14 fields, 600-byte texts) answered two ways: as a
// boost::json tree serialised at the end (how every listing was written) and through the
// streaming JsonWriter. Run: build/bench/samen_bench --benchmark_filter=Json
#include <benchmark/benchmark.h>

#include <boost/json.hpp>
#include <string>

#include "http/json_writer.hpp"

namespace {

namespace json = boost::json;

const std::string kText(600, 'w');

void BM_JsonTreePage(benchmark::State& state) {
  for (auto _ : state) {
    json::array items;
    for (int i = 0; i < 25; ++i)
      items.push_back(json::object{{"id", std::to_string(1000 + i)},
                                   {"case_id", "17"},
                                   {"author_name", "Fatima el Amrani"},
                                   {"author_role", "mentor"},
                                   {"author_organisation_name", "Het Baken College"},
                                   {"kind", "observation"},
                                   {"category", "attendance"},
                                   {"audience", "case_team"},
                                   {"family_visible", false},
                                   {"text", kText},
                                   {"created_at", "2026-11-30T09:15:00Z"},
                                   {"corrects", nullptr},
                                   {"corrected_by", json::array{}},
                                   {"basis", "case_team"}});
    std::string body = json::serialize(json::object{{"entries", std::move(items)}});
    benchmark::DoNotOptimize(body);
  }
}

void BM_JsonWriterPage(benchmark::State& state) {
  for (auto _ : state) {
    std::string body;
    samen::http::JsonWriter w(body);
    w.begin_object().key("entries").begin_array();
    for (int i = 0; i < 25; ++i)
      w.begin_object()
          .field("id", std::to_string(1000 + i))
          .field("case_id", "17")
          .field("author_name", "Fatima el Amrani")
          .field("author_role", "mentor")
          .field("author_organisation_name", "Het Baken College")
          .field("kind", "observation")
          .field("category", "attendance")
          .field("audience", "case_team")
          .field("family_visible", false)
          .field("text", kText)
          .field("created_at", "2026-11-30T09:15:00Z")
          .key("corrects")
          .text_or_null("")
          .key("corrected_by")
          .begin_array()
          .end_array()
          .field("basis", "case_team")
          .end_object();
    w.end_array().end_object();
    benchmark::DoNotOptimize(body);
  }
}

}  // namespace

BENCHMARK(BM_JsonTreePage);
BENCHMARK(BM_JsonWriterPage);
