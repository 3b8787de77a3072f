# A scripted recshell session, as a runbook or cron job would run it.
version

# The newest recordings on the platform, and gilbertas's (user 5) before 2020.
recordings find --limit 5
recordings find --user-id 5 --date-till 1577836799 --limit 5

# A reseller's request, carried out with its own access rules: it sees only its users' calls.
recordings find --as reseller_north --limit 5

# MOR's own example: every recording of user 5 up to and including 2019-12-31 23:59:59 UTC.
# First only look: the dry run shows count, size, span, users and samples.
recordings delete --user-id 5 --date-till 1577836799 --dry-run

# Delete one recording by id, then the seed example. A script cannot answer a prompt, so
# it confirms with --yes (or, safer in cron, --expect N).
recordings delete --recording-id 42 --yes
recordings delete --user-id 5 --date-till 1577836799 --yes

# Nothing of user 5 before 2020 is left.
recordings find --user-id 5 --date-till 1577836799

# What happened, from the audit log.
audit list --limit 10
