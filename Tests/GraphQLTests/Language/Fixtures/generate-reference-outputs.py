"""Regenerates the reference outputs beside this script with graphql-core 3.2 (the Python port
of graphql-js 16, installed with `pip install "graphql-core<3.3"`):

- `*.printed.graphql`: graphql-core's print_ast of each kitchen sink;
- `differential-cases.json`: mutated pieces of the kitchen sinks, each with graphql-core's
  verdict (its printed output, or its syntax error message and position).

usage: python3 generate-reference-outputs.py [CASES]   (default 700; the mutations are seeded)
"""
import json, os, random, re, sys
import graphql
from graphql import parse, print_ast
from graphql.error import GraphQLSyntaxError
import graphql.language.parser as P
import graphql.language.lexer as L
from graphql.language import TokenKind

# graphql-core quotes with ' where graphql-js (the wording Sluice follows) quotes with ".
def token_kind_desc(kind):
    return f'"{kind.value}"' if L.is_punctuator_token_kind(kind) else kind.value
def token_desc(token):
    v = token.value
    return token_kind_desc(token.kind) + (f' "{v}"' if v is not None else "")
P.get_token_kind_desc = token_kind_desc
P.get_token_desc = token_desc
orig_pcp = L.Lexer.print_code_point_at
def pcp(self, location):
    s = orig_pcp(self, location)
    if len(s) == 3 and s[0] == "'" and s[2] == "'" and s != "'\"'":
        return '"' + s[1] + '"'
    return s
L.Lexer.print_code_point_at = pcp

def js_message(m):
    m = re.sub(r"^Syntax Error: Expected '(\w+)', found", r'Syntax Error: Expected "\1", found', m)
    return re.sub(r"^(Syntax Error: Invalid (?:Unicode|character) escape sequence: )'(.*)'\.$", r'\1"\2".', m, flags=re.S)

base = os.path.dirname(os.path.abspath(__file__)) + "/"
kitchen_sinks = ("executable-kitchen-sink", "schema-kitchen-sink")
seeds = [open(base + n + ".graphql").read() for n in kitchen_sinks]
for name, text in zip(kitchen_sinks, seeds):
    with open(base + name + ".printed.graphql", "w") as out:
        out.write("# print_ast of " + name + ".graphql by graphql-core " + graphql.__version__
                  + " (reference output)\n" + print_ast(parse(text)) + "\n")
pieces = []
for s in seeds:
    pieces += [d.strip() for d in re.split(r"\n\n+", s) if d.strip() and not d.strip().startswith("#")]
vocab = ["{", "}", "(", ")", "[", "]", ":", "=", "@", "$", "!", "|", "&", "...", ",", "on", "query", "fragment",
         "type", "extend", "\"s\"", "\"\"\"b\"\"\"", "1", "-1.5e3", "01", "1.", "true", "null", "A", "#c\n", "\n",
         "\\", "\"", "'", "\u00e9", "\U0001F600", "\u0007", "\"\\u{1F600}\"", "\"\\uD83D\"", "..", "  "]
TOKEN = re.compile(r'"""(?:\\"""|[^"]|"(?!""))*"""|"(?:\\.|[^"\\\n])*"|\.\.\.|-?\d[\w.+-]*|[_A-Za-z]\w*|#[^\n]*|\s+|.', re.S)

def mutate(rng, text):
    toks = TOKEN.findall(text)
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
        op = rng.randrange(6)
        i = rng.randrange(len(toks) + 1)
        if op == 0 and toks:
            del toks[min(i, len(toks) - 1)]
        elif op == 1:
            toks.insert(i, rng.choice(vocab))
        elif op == 2 and toks:
            j = min(i, len(toks) - 1); toks.insert(j, toks[j])
        elif op == 3 and len(toks) > 1:
            j, k = rng.randrange(len(toks)), rng.randrange(len(toks)); toks[j], toks[k] = toks[k], toks[j]
        elif op == 4 and toks:
            toks = toks[:i] if rng.random() < 0.5 else toks[i:]
        elif op == 5 and toks:
            j = min(i, len(toks) - 1); t = toks[j]
            if t:
                c = rng.randrange(len(t)); toks[j] = t[:c] + rng.choice(vocab) + t[c + 1:]
    return "".join(toks)

rng = random.Random(20241201)
cases = []
for n in range(int(sys.argv[1]) if len(sys.argv) > 1 else 700):
    body = "\n\n".join(rng.sample(pieces, rng.choice([1, 1, 2])))
    body = mutate(rng, body)
    if len(body) > 600:
        continue
    try:
        printed = print_ast(parse(body))
        cases.append({"body": body, "printed": printed})
    except GraphQLSyntaxError as e:
        loc = e.locations[0]
        cases.append({"body": body, "error": {"message": js_message(e.message), "line": loc.line, "column": loc.column}})
    except RecursionError:
        pass
out = {"source": "mutated kitchen-sink pieces; verdicts and printed output from graphql-core "
       + graphql.__version__ + " (reference implementation), messages in graphql-js quoting", "cases": cases}
json.dump(out, open(base + "differential-cases.json", "w"), ensure_ascii=True, indent=0)
ok = sum(1 for c in cases if "printed" in c)
print(len(cases), "cases,", ok, "parse")
