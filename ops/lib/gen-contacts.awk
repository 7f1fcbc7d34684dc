# Generates a contact list: awk -v rows=N -v seed=S [-v zones="A/B C/D"] -f gen-contacts.awk
# With zones, every row's time zone column is one of them; without, every third row names a US zone and the rest are left to the number.
# About 1% of rows have a malformed number and 0.5% repeat an earlier number, so an import report has something to say.
BEGIN {
  srand(seed ? seed : 42)
  split("212 312 415 512 617 702 808 907 305 206 404 303 602 718 919", area, " ")
  nz = split(zones ? zones : "America/New_York America/Chicago America/Denver America/Los_Angeles", zone, " ")
  print "phone,name,timezone,plan,notes"
  for (i = 1; i <= rows; i++) {
    if (i % 100 == 37) { phone = "555-01" }                                  # malformed
    else if (i % 200 == 71 && i > 1) { phone = last }                       # duplicate
    else { phone = sprintf("+1%s%d%02d%04d", area[1 + int(rand() * 15)], 2 + int(rand() * 8), int(rand() * 100), i % 10000) }
    last = phone
    tz = (zones || i % 3 == 0) ? zone[1 + int(rand() * nz)] : ""
    printf "%s,Customer %d,%s,%s,\"note %d, with a comma\"\n", phone, i, tz, (i % 2 ? "gold" : "basic"), i
  }
}
