#pragma once
#include <map>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace samen::api {

// The display names a response gives beside the ids it names, each read once per request:
// a triage queue of forty signals about twelve pupils reads twelve pupils, not forty. An
// unknown id names nobody (""). The caller has decided the viewer may read what names them.
class NameBook {
 public:
  explicit NameBook(store::ReadTx& tx) : tx_(tx) {}
  const std::string& pupil(const std::string& pupil_id);
  const std::string& user(const std::string& user_id);
  const std::string& organisation(const std::string& organisation_id);
  // The names of these pupils in one query, before a listing asks for them row by row.
  void read_pupils(const std::vector<std::string>& pupil_ids);

 private:
  store::ReadTx& tx_;
  std::map<std::string, std::string> pupils_;
  std::map<std::string, std::string> users_;
  std::map<std::string, std::string> organisations_;
};

}  // namespace samen::api
