#include "notify/smtp_client.hpp"

#include <curl/curl.h>

#include <boost/url/parse.hpp>
#include <cstring>
#include <memory>
#include <mutex>

namespace samen::notify {
namespace {

struct Reading {
  const std::string* message;
  std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Reading*>(user);
  std::size_t n = std::min(size * count, r->message->size() - r->offset);
  std::memcpy(buffer, r->message->data() + r->offset, n);
  r->offset += n;
  return n;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Parsed {
  std::string url;  // without credentials
  std::string user;
  std::string password;
  bool implicit_tls = false;
};

std::optional<Parsed> parse(const SmtpConfig& c) {
  auto u = boost::urls::parse_uri(c.url);
  if (!u || (u->scheme() != "smtp" && u->scheme() != "smtps") || u->host().empty())
    return std::nullopt;
  Parsed p;
  p.implicit_tls = u->scheme() == "smtps";
  p.user = u->user();
  p.password = c.password.empty() ? std::string(u->password()) : c.password;
  p.url = std::string(u->scheme()) + "://" + std::string(u->encoded_host_and_port());
  return p;
}

}  // namespace

std::optional<std::string> check_smtp_config(const SmtpConfig& c) {
  if (!parse(c)) return "--smtp: give smtp://host:port or smtps://host:port";
  if (c.from.empty() || c.from.find('@') == std::string::npos)
    return "--mail-from: give the address Samen sends from";
  return std::nullopt;
}

std::optional<std::string> send_smtp(const SmtpConfig& c, const std::string& recipient,
                                     const std::string& message) {
  init_curl_once();
  auto p = parse(c);
  if (!p) return "the SMTP URL cannot be used";
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return "libcurl could not start";
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, p->url.c_str());
  if (!p->user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, p->user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, p->password.c_str());
  }
  if (!p->implicit_tls)
    curl_easy_setopt(h, CURLOPT_USE_SSL, p->user.empty() ? CURLUSESSL_TRY : CURLUSESSL_ALL);
  if (!c.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, c.ca_file.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, ("<" + c.from + ">").c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()), curl_slist_free_all);
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  Reading reading{&message};
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(h, CURLOPT_READDATA, &reading);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, c.timeout_s);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return std::nullopt;
  return curl_easy_strerror(rc);
}

}  // namespace samen::notify
