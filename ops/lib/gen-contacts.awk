# Generates a contact list: awk -v rows=N -v seed=S [-v zones="A/B C/D"] -f gen-contacts.awk
# With zones, every row is a number of one of them (a New York number for America/New_York, a London one for
# Europe/London...) stating that zone: a stated zone only adds to the number's, so a number from elsewhere would close
# the window. Without, every third row names a US zone and the rest are left to the number.
# Three zones are other places with rules of their own (Dialer.Core/Compliance/Rules/Data): America/Toronto (Ontario
# numbers), Europe/Madrid (Spain: prior consent for every call, so its rows carry a consent in the columns the import
# reads, docs/api.md) and Florida (a Miami or Orlando number in America/New_York whose state column says FL).
# About 1% of rows have a malformed number and 0.5% repeat an earlier number, so an import report has something to say.
BEGIN {
  srand(seed ? seed : 42)
  split("212 312 415 512 617 702 808 907 305 206 404 303 602 718 919", area, " ")
  nz = split(zones ? zones : "America/New_York America/Chicago America/Denver America/Los_Angeles", zone, " ")
  split("America/New_York +1212 America/Chicago +1312 America/Denver +1303 America/Los_Angeles +1415 " \
        "Pacific/Honolulu +1808 Europe/London +44207 Europe/Berlin +4930 Asia/Kolkata +91802 Asia/Singapore +6562 " \
        "Asia/Tokyo +8135 Australia/Sydney +6129 Pacific/Auckland +649 America/Toronto +1416 Europe/Madrid +3491 " \
        "Florida +1305", pairs, " ")
  for (p = 1; p in pairs; p += 2) prefix[pairs[p]] = pairs[p + 1]
  print "phone,name,timezone,plan,notes,state,consent,consent_source,consent_at,consent_text"
  for (i = 1; i <= rows; i++) {
    if (zones) tz = zone[1 + int(rand() * nz)]
    if (i % 100 == 37) { phone = "555-01" }                                  # malformed
    else if (i % 200 == 71 && i > 1) { phone = last }                       # duplicate
    else if (zones && tz == "Florida") { phone = (i % 2 ? "+1305" : "+1407") number(7, i) }
    else if (zones && tz in prefix) { phone = prefix[tz] number(tz == "Asia/Singapore" ? 6 : 7, i) }
    else { phone = sprintf("+1%s%s", area[1 + int(rand() * 15)], number(7, i)) }
    last = phone
    if (!zones) tz = i % 3 == 0 ? zone[1 + int(rand() * nz)] : ""
    state = tz == "Florida" ? "FL" : ""
    consent = tz == "Europe/Madrid" ? "marketing-calls,web form,2026-01-15,Acepto recibir llamadas comerciales" : ",,,"
    printf "%s,Customer %d,%s,%s,\"note %d, with a comma\",%s,%s\n", phone, i,
      (tz == "Florida" ? "America/New_York" : tz), (i % 2 ? "gold" : "basic"), i, state, consent
  }
}

# the last digits of a number: random ones, then the row's, so that no two rows collide by chance
function number(digits, i) {
  return digits == 7 ? sprintf("%d%02d%04d", 2 + int(rand() * 8), int(rand() * 100), i % 10000) \
                     : sprintf("%02d%04d", int(rand() * 100), i % 10000)
}
