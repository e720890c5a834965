#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "http/content_coding.hpp"

namespace samen::http {
namespace fs = std::filesystem;

std::string mime_type_for(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  auto ext = fs::path(path).extension().string();
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

namespace {

// What is worth compressing: text. Images and fonts are compressed formats already.
bool compressible(const std::string& mime) {
  return mime.starts_with("text/") || mime.starts_with("application/json") ||
         mime.starts_with("application/manifest+json") || mime == "image/svg+xml";
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace

std::optional<Response> serve_static(const std::string& root, const std::string& request_path,
                                     std::string_view accept_encoding) {
  if (root.empty()) return std::nullopt;
  // The router hands us a decoded path; refuse anything that could climb out.
  if (request_path.find("..") != std::string::npos ||
      request_path.find('\0') != std::string::npos || request_path.find('\\') != std::string::npos)
    return std::nullopt;
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  std::string relative = request_path;
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  fs::path candidate = base / relative;
  if (relative.empty() || fs::is_directory(candidate, ec)) candidate /= "index.html";
  if (!fs::exists(candidate, ec) && fs::path(relative).extension().empty())
    candidate = base / "index.html";  // a client-side route of the single-page app
  fs::path resolved = fs::canonical(candidate, ec);
  if (ec || !fs::is_regular_file(resolved, ec)) return std::nullopt;
  auto rel = resolved.lexically_relative(base);
  if (rel.empty() || rel.begin()->string() == "..") return std::nullopt;
  Response r;
  r.content_type = mime_type_for(resolved.string());
  bool encoded = false;
  if (compressible(r.content_type)) {
    // A cache between us and the client must keep the variants apart.
    r.set_header("Vary", "Accept-Encoding");
    for (auto coding : accepted_codings(accept_encoding)) {
      // The twin sits beside the file the path resolved to, so it cannot be outside the root;
      // a twin that is a symlink, not a regular file, or older than the file (left from an
      // earlier build) is not used.
      fs::path twin = resolved;
      twin += std::string(coding_suffix(coding));
      if (!fs::is_regular_file(fs::symlink_status(twin, ec))) continue;
      auto twin_time = fs::last_write_time(twin, ec);
      if (ec || twin_time < fs::last_write_time(resolved, ec) || ec) continue;
      if (auto body = read_file(twin)) {
        r.body = std::move(*body);
        r.set_header("Content-Encoding", std::string(coding_name(coding)));
        encoded = true;
        break;
      }
    }
  }
  if (!encoded) {
    auto body = read_file(resolved);
    if (!body) return std::nullopt;
    r.body = std::move(*body);
  }
  // Vite names what it puts in assets/ by a hash of its content: such a file never changes,
  // so browsers may keep it. Everything else (index.html above all, which names the current
  // hashes) is asked again each time, or a new release would be hidden behind an old page.
  bool hashed = rel.begin()->string() == "assets";
  r.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace samen::http
