#pragma once
// Where the bytes of an import file come from. The import reads a file twice (check, then
// write), so a source hands over the whole content from the start each time it is called,
// in pieces of at most 1 MiB; the piece callback returns false to stop early.
#include <functional>
#include <string>
#include <string_view>

namespace samen::importer {

using Piece = std::function<bool(std::string_view)>;
using ByteSource = std::function<void(const Piece&)>;

// An upload already in memory; the caller keeps `bytes` alive while the source is used.
ByteSource bytes_in_memory(std::string_view bytes);
// A file on disk, read afresh on every call; throws std::runtime_error when unreadable.
ByteSource bytes_of_file(std::string path);

}  // namespace samen::importer
