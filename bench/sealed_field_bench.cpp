// The cost of sealing at rest per value, so the store's overhead can be predicted: a BSN
// (9 bytes) and a typical chronology entry (600 bytes), sealed, opened, and blind-indexed.
// Run: build-test/bench/samen_bench --benchmark_filter=Field
#include <benchmark/benchmark.h>

#include "security/crypto.hpp"
#include "security/sealed_field.hpp"

namespace {

using samen::security::FieldKeys;

const FieldKeys& keys() {
  static const FieldKeys ring = [] {
    samen::security::init_crypto();
    return FieldKeys::generate();
  }();
  return ring;
}

std::string plaintext_of(std::int64_t bytes) {
  return bytes == 9 ? std::string("123456782") : std::string(static_cast<std::size_t>(bytes), 'x');
}

void BM_FieldSeal(benchmark::State& state) {
  auto plaintext = plaintext_of(state.range(0));
  auto ad = samen::security::field_associated_data("entries", "text", "1234567");
  for (auto _ : state) benchmark::DoNotOptimize(samen::security::seal_field(keys(), plaintext, ad));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FieldSeal)->Arg(9)->Arg(600)->Arg(4000);

void BM_FieldOpen(benchmark::State& state) {
  auto ad = samen::security::field_associated_data("entries", "text", "1234567");
  auto sealed = samen::security::seal_field(keys(), plaintext_of(state.range(0)), ad);
  for (auto _ : state) {
    auto opened = samen::security::open_field(keys(), sealed, ad);
    if (!opened) state.SkipWithError("did not open");
    benchmark::DoNotOptimize(opened);
  }
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FieldOpen)->Arg(9)->Arg(600)->Arg(4000);

// What the store adds to reading one row: building the associated data and opening.
void BM_FieldOpenWithPlace(benchmark::State& state) {
  auto sealed = samen::security::seal_field(
      keys(), plaintext_of(600),
      samen::security::field_associated_data("entries", "text", "1234567"));
  for (auto _ : state) {
    auto ad = samen::security::field_associated_data("entries", "text", std::to_string(1234567));
    benchmark::DoNotOptimize(samen::security::open_field(keys(), sealed, ad));
  }
}
BENCHMARK(BM_FieldOpenWithPlace);

void BM_FieldBsnBlindIndex(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(samen::security::bsn_blind_index(keys(), "123456782"));
}
BENCHMARK(BM_FieldBsnBlindIndex);

}  // namespace
