# Goro and Chibi drawn large, for big rooms: generated from parts so every
# pose keeps the same head and body. From the repository root:
#   python3 tools/room-art/large.py > crates/iyashi/src/room/frames/large.txt
class Pic:
    def __init__(self, width):
        self.w = width
        self.rows, self.mask = [], []
    def _grow(self, r, c):
        while len(self.rows) <= r:
            self.rows.append([]); self.mask.append([])
        for grid in (self.rows[r], self.mask[r]):
            while len(grid) < c: grid.append(" ")
    def put(self, r, c, text, letter=None):
        self._grow(r, c + len(text))
        for i, ch in enumerate(text):
            self.rows[r][c + i] = ch
            if letter: self.mask[r][c + i] = letter
        return self
    def pair(self, r, c, left, right=None, letter=None):
        """`left` at column c, and `right` at the mirrored place."""
        right = left if right is None else right
        self.put(r, c, left, letter)
        self.put(r, self.w - c - len(right), right, letter)
        return self
    def mid(self, r, text, letter=None, dx=0):
        return self.put(r, (self.w - len(text)) // 2 + dx, text, letter)
    def run(self, r, a, b, ch):
        return self.put(r, a, ch * (b - a + 1))
    def text(self, name, ink):
        out = [f"== {name} {ink} fill"] + ["".join(r).rstrip() for r in self.rows]
        masks = ["".join(m).rstrip() for m in self.mask]
        while masks and not masks[-1]: masks.pop()
        if masks: out += ["--"] + masks
        return "\n".join(out) + "\n"

W = 43  # Goro's columns; the middle one is 21

def head(p, top=0, eyes=("•", "•"), mouth="`-ω-'", look=0):
    r = top
    p.pair(r, 8, ".--.")
    p.pair(r+1, 7, "(", ")"); p.pair(r+1, 9, "()", letter="x")
    p.pair(r+1, 12, "'-.", ".-'"); p.run(r+1, 15, W-16, "_")
    p.pair(r+2, 6, "/", "\\")
    p.pair(r+3, 5, "/", "\\")
    p.pair(r+4, 4, "|", "|")
    p.put(r+4, 11 + look, eyes[0], "d"); p.put(r+4, W - 12 + look, eyes[1], "d")
    p.pair(r+5, 4, "|", "|")
    p.pair(r+6, 4, "|", "|")
    p.mid(r+6, ".▾.", dx=look); p.mid(r+6, "▾", "d", dx=look)
    p.pair(r+7, 5, "\\", "/")
    p.mid(r+7, mouth, "m", dx=look)
    p.pair(r+8, 6, "'.", ".'")
    return r + 9

def body(p, r, wide=False):
    if wide:
        p.pair(r, 0, ".-'`'-..", "..-'`'-.")
    else:
        p.pair(r, 1, ".-'`'-.")
    p.run(r, 8, W-9, "_")
    p.pair(r+1, 0, "/", "\\"); p.pair(r+1, 8, "`.", ".'")
    p.pair(r+2, 0, "(", ")"); p.pair(r+2, 9, "(", ")")
    p.put(r+3, 1, "`-------'`"); p.run(r+3, 11, W-12, "-"); p.put(r+3, W-11, "'`-------'")
    return r + 4

def sitting(**face):
    p = Pic(W)
    body(p, head(p, **face))
    return p

goro = {}
goro["sit"] = sitting()
goro["blink"] = sitting(eyes=("-", "-"))
goro["turn"] = sitting(look=4)
goro["yawn"] = sitting(mouth="o")
goro["yawn-wide"] = sitting(eyes=(">", "<"), mouth="(O)")
p = Pic(W); body(p, head(p), wide=True); goro["breathe"] = p

def merge(dst, src, dx=0, dy=0):
    for r, (row, m) in enumerate(zip(src.rows, src.mask)):
        for c, ch in enumerate(row):
            if ch != " ":
                dst.put(r + dy, c + dx, ch, m[c] if c < len(m) and m[c] != " " else None)
    return dst

def hugging(squeeze=False):
    p = Pic(W)
    r = head(p, eyes=("^", "^") if squeeze else ("•", "•"))
    body(p, r)
    a, b = (11, W - 12) if squeeze else (12, W - 13)
    p.run(r - 1, a, b, "-"); p.put(r - 1, a, "."); p.put(r - 1, b, ".")
    for rr in (r, r + 1):
        p.put(rr, a, "("); p.put(rr, b, ")")
        p.put(rr, a + 1, ":" * (b - a - 1), "c")
    p.put(r + 2, a, "`" + "-" * (b - a - 1) + "'")
    if squeeze:
        p.pair(r - 3, 8, "x", letter="x")
    return p

goro["hug"] = hugging()
goro["squeeze"] = hugging(squeeze=True)

def lean():
    p = Pic(W)
    h = Pic(W); r = head(h, eyes=("•", "-"), mouth="`o'")
    merge(p, h, dx=-3)
    # the head leans left: its bottom joins the shoulders further left
    body(p, r)
    return p
goro["lean"] = lean()

def stretching(high):
    p = Pic(W)
    top = 1
    paws = 0 if high else 2
    p.pair(paws, 0, ",-.")
    for rr in range(paws + 1, top + 7):
        p.pair(rr, 0, "| |")
    p.pair(top + 7, 1, "\\ \\", "/ /")
    p.pair(top + 8, 2, "\\ \\", "/ /")
    eyes = ("-", "-") if high else ("•", "•")
    r = head(p, top=top, eyes=eyes, mouth="`O'" if high else "`o'")
    body(p, r)
    return p
goro["stretch-up"] = stretching(False)
goro["stretch-high"] = stretching(True)

def pointing():
    p = Pic(W)
    top = 1
    p.put(0, W - 3, ",-."); p.put(0, W - 13, "zZ", "i")
    for rr in range(1, top + 7):
        p.put(rr, W - 3, "| |")
    p.put(top + 7, W - 4, "/ /")
    p.put(top + 8, W - 5, "/ /")
    r = head(p, top=top, eyes=("•", "-"))
    body(p, r)
    return p
goro["point"] = pointing()

def scooting():
    p = merge(Pic(W + 2), goro["sit"], dx=1)
    n = len(p.rows)
    p.put(n - 2, W + 1, "'"); p.put(n - 1, 0, "'"); p.put(n - 1, W + 1, "'")
    return p
goro["scoot"] = scooting()

def shoulders(up):
    p = Pic(W)
    r = head(p, eyes=("-", "-") if up else ("•", "•"))
    if up:
        # shoulders hunched up to the ears, part of the shape
        p.pair(0, 5, "___"); p.pair(1, 4, "/", "\\")
        p.pair(2, 3, "|"); p.pair(3, 3, "|"); p.pair(4, 3, "\\", "/")
        body(p, r)
    else:
        # shoulders rolled back, arms behind
        p.pair(3, 1, "\\", "/"); p.pair(4, 2, "\\", "/")
        body(p, r)
        p.pair(r, 1, ".-(`-.", ".-')-.")
    return p
goro["shoulders-up"] = shoulders(True)
goro["shoulders-back"] = shoulders(False)

def breathing(deep):
    p = Pic(W)
    if deep:
        body(p, head(p, eyes=("-", "-"), mouth="o"), wide=True)
        return p
    # breathing out: a little lower, the chest let go
    r = head(p, top=1, eyes=("-", "-"), mouth="o")
    p.pair(r, 1, ".-'`'-.")
    p.run(r, 8, W - 9, "_")
    p.pair(r + 1, 0, "(", ")"); p.pair(r + 1, 9, "(", ")")
    p.put(r + 2, 1, "`-------'`"); p.run(r + 2, 11, W - 12, "-"); p.put(r + 2, W - 11, "'`-------'")
    return p
goro["breathe-in"] = breathing(True)
goro["breathe-out"] = breathing(False)

def lying(wiggle):
    p = Pic(W)
    if wiggle:
        feet = ["    .--.   .--.", "   ( () ) ( () )", "    /  \\---/  \\"]
    else:
        feet = ["   .--.     .--.", "  ( () )   ( () )", "   \\  /-----\\  /"]
    for r, line in enumerate(feet):
        p.put(r, 0, line)
    corner = len(feet[2])
    p.put(3, 0, " .-'"); p.put(3, corner, "'-.")
    p.put(4, 0, "/    (   )  (   )"); p.put(4, corner + 3, "\\")
    p.put(5, 0, "("); p.put(5, corner + 4, "|")
    p.put(6, 0, " '--'--'--'--'--'--'-'")
    # the head, face up, on the right
    h = 23
    p.put(2, h + 1, ".--.");  p.put(2, h + 14, ".--.")
    p.put(3, h, "( () '-.___.-' () )")
    p.put(3, h + 2, "()", "x"); p.put(3, h + 15, "()", "x")
    p.put(4, h - 1, "/"); p.put(4, h + 19, "\\")
    eye = "^" if wiggle else "-"
    p.put(4, h + 4, eye, "d"); p.put(4, h + 14, eye, "d")
    p.put(5, h - 1, "|"); p.put(5, h + 19, "|")
    p.put(5, h + 8, ".▾."); p.put(5, h + 9, "▾", "d")
    p.put(6, h, "\\"); p.put(6, h + 18, "/")
    p.put(6, h + 8, "`▽'" if wiggle else "`ω'", "m")
    p.put(7, h + 1, "'-._____________.-'")
    return p
goro["back"] = lying(False)
goro["back-wiggle"] = lying(True)

# Chibi, the small bear: still small beside Goro, but drawn with more room.
CW = 11
def chibi(eyes=("•", "•"), legs=None, wave=False, bob=False):
    p = Pic(CW)
    r = 1 if bob else 0
    p.pair(r, 1, "n", "n"); p.run(r, 2, CW - 3, "_")
    p.pair(r + 1, 0, "(", ")")
    p.put(r + 1, 3, eyes[0], "d"); p.put(r + 1, CW - 4, eyes[1], "d")
    p.pair(r + 2, 0, "(", ")"); p.mid(r + 2, "ᴥ", "m")
    if not bob:
        p.pair(r + 3, 0, "(", ")"); p.mid(r + 3, "~", "m")
    p.put(r + 4 - bob, 1, legs or '`"---"`'.replace("`", "`", 1))
    if wave:
        p.put(r, CW, " /"); p.put(r + 1, CW, "/")
    return p

chibis = {
    "sit": chibi(legs="`\"-----\"'"),
    "blink": chibi(eyes=("-", "-"), legs="`\"-----\"'"),
    "wave": chibi(legs="`\"-----\"'", wave=True),
    "walk-a": chibi(legs="/'-----'\\"),
    "walk-b": chibi(legs="\\'-----'/", bob=True),
}

if __name__ == "__main__":
    print("# Goro and Chibi drawn large, for big rooms (made by a short script from")
    print("# parts, so every pose keeps the same head and body; edit freely).")
    print("# Same format as goro.txt; names end in :large.\n")
    for name, p in goro.items():
        print(p.text(f"goro.{name}:large", "b"))
    for name, p in chibis.items():
        print(p.text(f"chibi.{name}:large", "k"))
    print("== room.cushion:large z")
    print(" ▂" + "▄" * (W - 4) + "▂")
