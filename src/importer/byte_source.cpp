#include "importer/byte_source.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <vector>

namespace samen::importer {
namespace {

// Large enough that reading costs nothing next to parsing, small enough not to matter.
constexpr std::size_t kPiece = std::size_t{1} << 20;

}  // namespace

ByteSource bytes_in_memory(std::string_view bytes) {
  return [bytes](const Piece& piece) {
    for (std::size_t at = 0; at < bytes.size(); at += kPiece)
      if (!piece(bytes.substr(at, kPiece))) return;
  };
}

ByteSource bytes_of_file(std::string path) {
  return [path = std::move(path)](const Piece& piece) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::vector<char> buffer(kPiece);
    for (;;) {
      std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
      if (got > 0 && !piece(std::string_view(buffer.data(), got))) return;
      if (got < buffer.size()) break;
    }
    if (std::ferror(file.get()))
      throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  };
}

}  // namespace samen::importer
