#include "audit/audit_entry.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"

namespace samen::audit {

TEST(AuditEntry, EveryFieldAndTheSequenceChangeTheHash) {
  security::init_crypto();
  Event e;
  e.actor_user_id = "1";
  e.action = "read";
  e.pupil_id = "7";
  auto base = seal(e, 1, "2026-01-01T00:00:00.000Z", kGenesisHash);
  EXPECT_EQ(base.hash, chain_hash(kGenesisHash, base));
  EXPECT_NE(seal(e, 2, base.at, kGenesisHash).hash, base.hash);
  EXPECT_NE(seal(e, 1, base.at, std::string(64, '1')).hash, base.hash);
  auto changed = base;
  changed.pupil_id = "8";
  EXPECT_NE(chain_hash(kGenesisHash, changed), base.hash);
  changed = base;
  changed.decision = "deny";
  EXPECT_NE(chain_hash(kGenesisHash, changed), base.hash);
}

TEST(AuditEntry, CanonicalEncodingIsUnambiguous) {
  store::AuditRow a, b;
  a.actor_user_id = "1;";
  a.actor_organisation_id = "2";
  b.actor_user_id = "1";
  b.actor_organisation_id = ";2";
  EXPECT_NE(canonical(a), canonical(b));
}

}  // namespace samen::audit
