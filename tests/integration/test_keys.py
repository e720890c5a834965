"""`samen keys` (issue 12): the field key file that seals BSNs and case texts at rest — made
once with mode 0600 and never overwritten, keys added (current or standby) and switched
without losing one, refused when others may read it, and never printed. No database."""
import os
import stat
import tempfile
import unittest

from samen_harness import env_without_field_keys, run_cli


def key_ids(path):
    with open(path) as f:
        return [line.split()[1] for line in f if line.startswith("key ")]


def current_of(path):
    with open(path) as f:
        return next(line.split()[1] for line in f if line.startswith("current "))


class KeysTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.file = os.path.join(self.dir.name, "field.keys")

    def tearDown(self):
        self.dir.cleanup()

    def test_init_add_use_show(self):
        made = run_cli("keys", "init", "--file", self.file)
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), 0o600)
        first = current_of(self.file)
        self.assertIn(first, made.stdout)
        with open(self.file) as f:
            content = f.read()
        secret = next(line.split()[2] for line in content.splitlines() if line.startswith("key "))

        again = run_cli("keys", "init", "--file", self.file)
        self.assertEqual(again.returncode, 1)
        self.assertIn("exists already", again.stderr)
        with open(self.file) as f:
            self.assertEqual(f.read(), content)

        standby = run_cli("keys", "add", "--file", self.file, "--standby")
        self.assertEqual(standby.returncode, 0, standby.stderr)
        second = [k for k in key_ids(self.file) if k != first][0]
        self.assertEqual(current_of(self.file), first)
        self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), 0o600)

        used = run_cli("keys", "use", "--file", self.file, second)
        self.assertEqual(used.returncode, 0, used.stderr)
        self.assertEqual(current_of(self.file), second)
        unknown = run_cli("keys", "use", "--file", self.file, "00000000")
        self.assertEqual(unknown.returncode, 1)
        self.assertIn("no key 00000000", unknown.stderr)

        added = run_cli("keys", "add", "--file", self.file)
        self.assertEqual(added.returncode, 0, added.stderr)
        ids = key_ids(self.file)
        self.assertEqual(len(ids), 3)
        self.assertEqual(current_of(self.file), ids[2])

        shown = run_cli("keys", "show", "--file", self.file)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        for key_id in ids:
            self.assertIn(key_id, shown.stdout)
        self.assertIn(ids[2] + "  current", shown.stdout)
        for output in (made.stdout, standby.stdout, used.stdout, added.stdout, shown.stdout):
            self.assertNotIn(secret, output)

    def test_the_command_line_wins_over_the_environment(self):
        # SAMEN_FIELD_KEYS_FILE names the servers' keys; a --file given says otherwise.
        elsewhere = os.path.join(self.dir.name, "elsewhere.keys")
        env = env_without_field_keys(SAMEN_FIELD_KEYS_FILE=elsewhere)
        made = run_cli("keys", "init", "--file", self.file, env=env)
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertTrue(os.path.exists(self.file))
        self.assertFalse(os.path.exists(elsewhere))
        for command in (["add", "--file", self.file], ["show", "--file", self.file]):
            done = run_cli("keys", *command, env=env)
            self.assertEqual(done.returncode, 0, (command, done.stderr))
            self.assertFalse(os.path.exists(elsewhere), command)
        self.assertEqual(len(key_ids(self.file)), 2)
        # Without --file the environment's file is the one.
        self.assertEqual(run_cli("keys", "init", env=env).returncode, 0)
        self.assertTrue(os.path.exists(elsewhere))

    def test_a_file_others_may_read_is_refused(self):
        self.assertEqual(run_cli("keys", "init", "--file", self.file).returncode, 0)
        os.chmod(self.file, 0o640)
        for command in (["show"], ["add"]):
            refused = run_cli("keys", *command, "--file", self.file)
            self.assertEqual(refused.returncode, 1)
            self.assertIn("chmod 600", refused.stderr)

    def test_a_missing_file_says_how_to_make_one(self):
        refused = run_cli("keys", "show", "--file", self.file)
        self.assertEqual(refused.returncode, 1)
        self.assertIn("samen keys init --file", refused.stderr)

    def test_the_demo_makes_its_key_file_and_keeps_one_that_exists(self):
        db = os.path.join(self.dir.name, "demo.db")
        made = run_cli("demo", "--db", db, "--password", "Lindeveld-demo-2026!", "--pupils", "3",
                       "--no-serve", "--field-keys", self.file, env=env_without_field_keys())
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(self.file).st_mode), 0o600)
        first = current_of(self.file)
        shown = run_cli("keys", "show", "--file", self.file)
        self.assertIn(first + "  current", shown.stdout)
        again = run_cli("demo", "--db", db + "2", "--password", "Lindeveld-demo-2026!",
                        "--pupils", "3", "--no-serve", "--field-keys", self.file, env=env_without_field_keys())
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(key_ids(self.file), [first])


if __name__ == "__main__":
    unittest.main()
