#include "store/backends.hpp"

#include <unistd.h>

#include <atomic>

#include "security/crypto.hpp"

namespace samen::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path = std::filesystem::temp_directory_path() /
         ("samen-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

std::vector<Backend> store_backends() {
  security::init_crypto();
  return {Backend{"sqlite", [] {
                    auto dir = std::make_shared<TempDir>();
                    auto store = store::open_store((dir->path / "test.db").string(), 2);
                    store->migrate();
                    // Keep the directory alive exactly as long as the store.
                    auto* raw = store.release();
                    return std::shared_ptr<store::Store>(raw, [dir](store::Store* s) { delete s; });
                  }}};
}

domain::PupilScope full_school_scope(const std::string& school_id) {
  domain::PupilScope scope;
  scope.kind = domain::PupilScope::Kind::school;
  scope.school_id = school_id;
  scope.school_view = domain::PupilView::full;
  return scope;
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return info.param.name; }

}  // namespace samen::testing
