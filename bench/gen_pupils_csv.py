#!/usr/bin/env python3
"""Writes a deterministic pupil export with N rows in the Dutch column layout of school
administration systems (8 columns), for the import benchmark.

usage: gen_pupils_csv.py N OUT.csv [--start NUMBER]"""
import random
import sys

GIVEN = ["Emma", "Noah", "Julia", "Sem", "Mila", "Liam", "Tess", "Lucas", "Sophie", "Daan", "Zoë", "Finn",
         "Sara", "Levi", "Nora", "Luuk", "Yara", "Mees", "Eva", "Milan", "Fatima", "Mohammed", "Elif", "Ayoub"]
FAMILY = [("de", "Jong"), ("", "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), ("", "Bakker"),
          ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"), ("", "Mulder"), ("de", "Groot"),
          ("", "Bos"), ("", "Vos"), ("", "Peters"), ("van der", "Meer"), ("", "Yilmaz"), ("", "El Amrani")]


def bsn(rng):
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum((9 - i) * d for i, d in enumerate(digits))
        check = total % 11
        if check <= 9:
            return "".join(map(str, digits + [check]))


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    start = int(sys.argv[sys.argv.index("--start") + 1]) if "--start" in sys.argv else 500000
    rng = random.Random(20261124)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("leerlingnummer;roepnaam;voorvoegsel;achternaam;geboortedatum;klas;bsn;mentor\r\n")
        for i in range(n):
            prefix, family = rng.choice(FAMILY)
            year = 1 + i % 6
            f.write(f"{start + i};{rng.choice(GIVEN)};{prefix};{family};"
                    f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{2014 - year};{year}{'ABCD'[i % 4]};"
                    f"{bsn(rng) if rng.random() < 0.8 else ''};\r\n")


if __name__ == "__main__":
    main()
