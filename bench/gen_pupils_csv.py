#!/usr/bin/env python3
"""Writes a deterministic pupil export with N rows in the Dutch column layout of school
administration systems (8 columns), for the import benchmarks: the same N and --start give
the same file on any machine. Streams (memory stays flat) and writes a million rows in
about two seconds.

usage: gen_pupils_csv.py N OUT.csv [--start NUMBER]"""
import random
import sys

GIVEN = ["Emma", "Noah", "Julia", "Sem", "Mila", "Liam", "Tess", "Lucas", "Sophie", "Daan", "Zoë", "Finn",
         "Sara", "Levi", "Nora", "Luuk", "Yara", "Mees", "Eva", "Milan", "Fatima", "Mohammed", "Elif", "Ayoub"]
FAMILY = [("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
          ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"),
          ("", "Bos"), ("", "Vos"), ("", "Peters"), ("van der", "Meer"), ("", "Yilmaz"), ("", "El Amrani")]
HEADER = "leerlingnummer;roepnaam;voorvoegsel;achternaam;geboortedatum;klas;bsn;mentor\r\n"
ROWS_PER_WRITE = 10000

# The eleven-test sum of the first eight BSN digits (weights 9..2), two digits at a time:
# four table look-ups per number instead of a loop over its digits.
PAIR_SUMS = [[(wt * (x // 10) + wu * (x % 10)) for x in range(100)] for wt, wu in ((9, 8), (7, 6), (5, 4), (3, 2))]


def bsn(rnd):
    """A number that passes the eleven-test: eight random digits (the first not 0) and a
    check digit; drawn again when the check would be 10."""
    s0, s1, s2, s3 = PAIR_SUMS
    while True:
        head = 10000000 + int(rnd() * 90000000)
        check = (s0[head // 1000000] + s1[head // 10000 % 100] + s2[head // 100 % 100] + s3[head % 100]) % 11
        if check <= 9:
            return f"{head}{check}"


def rows(n, start, rng):
    rnd = rng.random
    dates = [[f"{d:02d}-{m:02d}-{2014 - y}" for m in range(1, 13) for d in range(1, 29)] for y in range(7)]
    for i in range(n):
        prefix, family = FAMILY[int(rnd() * len(FAMILY))]
        year = 1 + i % 6
        given = GIVEN[int(rnd() * len(GIVEN))]
        born = dates[year][int(rnd() * 336)]
        number = bsn(rnd) if rnd() < 0.8 else ""
        yield f"{start + i};{given};{prefix};{family};{born};{year}{'ABCD'[i % 4]};{number};\r\n"


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    start = int(sys.argv[sys.argv.index("--start") + 1]) if "--start" in sys.argv else 500000
    rng = random.Random(20261124)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        chunk = []
        for line in rows(n, start, rng):
            chunk.append(line)
            if len(chunk) == ROWS_PER_WRITE:
                f.write("".join(chunk))
                chunk.clear()
        f.write("".join(chunk))


if __name__ == "__main__":
    main()
