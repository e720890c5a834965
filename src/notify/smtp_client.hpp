#pragma once
// Sends one message over SMTP with libcurl. `smtp://host:port` submits with STARTTLS: it is
// required whenever credentials are given (a password never crosses the network in the
// clear) and used when offered otherwise (a local relay without TLS still works);
// `smtps://` is TLS from the first byte. The server's certificate is checked against the
// system's CAs or the file given (--smtp-ca).
#include <optional>
#include <string>

namespace samen::notify {

struct SmtpConfig {
  std::string url;       // smtp://[user[:password]@]host[:port] or smtps://…
  std::string password;  // SAMEN_SMTP_PASSWORD; overrides one in the URL
  std::string ca_file;   // empty: the system's CAs
  std::string from;      // the envelope and header sender
  long timeout_s = 30;
};

// Checks the URL; an error text when it cannot be used.
std::optional<std::string> check_smtp_config(const SmtpConfig& config);

// nullopt when the server accepted the message; otherwise why not (no message content).
std::optional<std::string> send_smtp(const SmtpConfig& config, const std::string& recipient,
                                     const std::string& message);

}  // namespace samen::notify
