#!/usr/bin/env python3
"""Replays the OWASP CRS regression attack requests and a benign request set
through a screening reverse proxy, and reports the share blocked.

By default it starts the trivial upstream (in this process) and
`sluice serve --listen 127.0.0.1:P --upstream http://127.0.0.1:U` itself; with
`--target HOST:PORT` it replays against a proxy that is already running (any
gateway that answers 403 on a threat: the Node peers, nginx + ModSecurity).

Each attack test (a stage with `output.log.expect_ids`; `no_expect_ids`
stages are not benign and are skipped) is sent as the whole HTTP request:
method, URI, headers and body, as raw bytes over a socket because many URIs
are deliberately malformed. The request target is percent-encoded where an
HTTP client would encode it (space, `"`, `<`, `>`, `{`, `}`, `|`, `\`, `^`,
`` ` ``, controls, non-ASCII; `%` and RFC 3986 reserved characters are left
alone), so that what the server decodes is the test's URI; `--raw-uri` sends
the targets byte for byte instead, and an HTTP parser answers 400 to those
that are not valid HTTP. A Content-Length is added when the test has a
body and none, and `Connection: close` when the test sets no Connection
header. An `X-Replay-Id` header lets the built-in upstream record which
requests were forwarded.

Outcomes: blocked (403), rejected (other 4xx: the request never reached the
upstream, but not as a screening verdict), forwarded (2xx/3xx), error (5xx,
timeout, reset). The target is the 403 share.

    python3 crs_replay.py [--corpus DIR] [--benign FILE] [--target HOST:PORT]
                          [--sluice-bin PATH] [--json OUT] [--show-passed N]
"""

import argparse
import collections
import glob
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
GROUPS = {"930": "LFI", "932": "RCE", "941": "XSS", "942": "SQLi"}


def ensure_yaml():
    try:
        import yaml  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyyaml"], check=True)
    import yaml
    return yaml


# ===== requests =====

def load_attacks(corpus: str) -> list[dict]:
    yaml = ensure_yaml()
    out = []
    files = sorted(glob.glob(os.path.join(corpus, "*", "*.yaml")))
    if not files:
        sys.exit(f"no CRS test files under {corpus}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        rule = str(doc.get("rule_id") or os.path.basename(path).split(".")[0])
        for test in doc.get("tests", []):
            for n, stage in enumerate(test.get("stages", [])):
                inp = stage.get("input") or {}
                log = (stage.get("output") or {}).get("log") or {}
                if not log.get("expect_ids"):
                    continue
                headers = [[str(k), str(v)] for k, v in (inp.get("headers") or {}).items()]
                out.append({
                    "id": f"{rule}-{test.get('test_id')}" + (f".{n}" if n else ""),
                    "rule": rule, "group": rule[:3], "desc": test.get("desc", ""),
                    "method": inp.get("method") or "GET", "uri": inp.get("uri") or "/",
                    "version": inp.get("version") or "HTTP/1.1", "headers": headers,
                    "body": inp.get("data") or "",
                    "autocomplete": inp.get("autocomplete_headers", True),
                })
    return out


def load_benign(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                r.update(id=f"benign-{r['id']}", version="HTTP/1.1", autocomplete=True, group=r["kind"])
                out.append(r)
    return out


# What an HTTP client leaves as it is in a request target: RFC 3986 unreserved
# and reserved characters, and `%` (an escape already made, or a stray one the
# server must cope with). Everything else (space, `"`, `<`, `>`, `\`, `^`, `` ` ``,
# `{`, `|`, `}`, controls, non-ASCII) is percent-encoded, as Python's requests
# (`requote_uri`) and Go's net/url do before sending.
URI_KEEP = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                     b"-._~:/?#[]@!$&'()*+,;=%")


def client_uri(uri: str) -> str:
    """The request target as a client would send it (see URI_KEEP)."""
    raw = uri.encode("utf-8", "surrogateescape")
    return "".join(chr(c) if c in URI_KEEP else f"%{c:02X}" for c in raw)


def raw_request(r: dict, replay_id: int, raw_uri: bool = False) -> bytes:
    body = r["body"].encode("utf-8", "surrogateescape") if isinstance(r["body"], str) else r["body"]
    names = {k.lower() for k, _ in r["headers"]}
    uri = r["uri"] if raw_uri else client_uri(r["uri"])
    lines = [f"{r['method']} {uri} {r['version']}"]
    lines += [f"{k}: {v}" for k, v in r["headers"]]
    if body and "content-length" not in names and "transfer-encoding" not in names:
        lines.append(f"Content-Length: {len(body)}")
    if "connection" not in names:
        lines.append("Connection: close")
    lines.append(f"X-Replay-Id: {replay_id}")
    head = "\r\n".join(lines) + "\r\n\r\n"
    return head.encode("utf-8", "surrogateescape") + body


def send(host: str, port: int, data: bytes, timeout: float) -> tuple[int | None, str]:
    """Sends one raw request; returns (status, error)."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(data)
            buf = b""
            while b"\r\n" not in buf:
                chunk = s.recv(4096)
                if not chunk:
                    break
                buf += chunk
            line = buf.split(b"\r\n", 1)[0].decode("latin-1")
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                return int(parts[1]), ""
            return None, f"no status line: {line[:60]!r}"
    except (OSError, socket.timeout) as e:
        return None, type(e).__name__


SKIP_HEADERS = {"host", "accept", "accept-encoding", "accept-language", "content-length",
                "connection", "x-replay-id"}


def payload_text(r: dict) -> str:
    """The request's attack-bearing parts, URL-decoded, one per line: what a
    detector should see once the gateway has taken the request apart."""
    parts = []
    uri = str(r["uri"])
    path, _, query = uri.partition("?")
    parts.append(urllib.parse.unquote(path))
    if query:
        parts.append(urllib.parse.unquote_plus(query))
    body = r["body"] or ""
    if body:
        parts.append(urllib.parse.unquote_plus(body) if "=" in body and "<" not in body[:1] else body)
    for k, v in r["headers"]:
        if k.lower() not in SKIP_HEADERS and v != "OWASP CRS test agent":
            parts.append(v)
    return "\n".join(parts)


def analyze(host: str, port: int, text: str, timeout: float) -> bool | None:
    """POSTs text to /v1/analyze; returns the verdict (None on error)."""
    body = text.encode("utf-8", "surrogateescape")
    head = (f"POST /v1/analyze HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    try:
        with socket.create_connection((host, port), timeout=timeout) as s:
            s.sendall(head + body)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        _, _, payload = data.partition(b"\r\n\r\n")
        return bool(json.loads(payload).get("threat"))
    except (OSError, ValueError, AttributeError):
        return None


def outcome(status: int | None) -> str:
    if status == 403:
        return "blocked"
    if status is None or status >= 500:
        return "error"
    if 400 <= status < 500:
        return "rejected"
    return "forwarded"


# ===== upstream and sluice =====

class Upstream(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        self.seen: set[int] = set()
        super().__init__(("127.0.0.1", 0), UpstreamHandler)


class UpstreamHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _any(self):
        rid = self.headers.get("X-Replay-Id")
        if rid and rid.isdigit():
            self.server.seen.add(int(rid))
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        elif "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                self.rfile.read(size + 2)
                if size == 0:
                    break
        body = b'{"ok":true,"upstream":"replay"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _any

    def __getattr__(self, name):
        # Any other method the corpus uses (PROPFIND, made-up ones) is answered too.
        if name.startswith("do_"):
            return self._any
        raise AttributeError(name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen | None, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def build_sluice() -> str:
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(REPO, "target")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "sluice"], cwd=REPO, check=True,
                   env={**os.environ, "CARGO_TARGET_DIR": target})
    return os.path.join(target, "release", "sluice")


# ===== report =====

def tally(results: list[dict]) -> dict:
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in results:
        groups[r["group"]][r["outcome"]] += 1
        groups[r["group"]]["total"] += 1
        if r.get("reached_upstream"):
            groups[r["group"]]["reached_upstream"] += 1
        if r.get("direct_threat"):
            groups[r["group"]]["direct_flagged"] += 1
    return {g: dict(c) for g, c in sorted(groups.items())}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpora", "crs-regression"))
    ap.add_argument("--benign", default=os.path.join(HERE, "benign", "benign-requests.jsonl"))
    ap.add_argument("--target", help="HOST:PORT of a running screening proxy (default: start sluice)")
    ap.add_argument("--sluice-bin", default=os.environ.get("SLUICE_BIN"))
    ap.add_argument("--sluice-arg", action="append", default=[], help="extra argument for sluice serve")
    ap.add_argument("--name", default=None, help="name of the gateway in the report")
    ap.add_argument("--json", default=None, help="write the full results here")
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--show-passed", type=int, default=15, help="attack requests not blocked to list")
    ap.add_argument("--raw-uri", action="store_true",
                    help="send each request target byte for byte as the test has it, instead of "
                         "percent-encoding what a client would (space, quotes, <>, {}, |, \\, ^, `)")
    ap.add_argument("--direct", action=argparse.BooleanOptionalAction, default=None,
                    help="also POST each request's decoded parts to /v1/analyze (default: on for sluice)")
    args = ap.parse_args()

    attacks = load_attacks(os.path.abspath(args.corpus))
    benign = load_benign(args.benign)
    upstream = proc = None
    log_path = None
    try:
        if args.target:
            host, port = args.target.rsplit(":", 1)
            port = int(port)
            name = args.name or args.target
        else:
            upstream = Upstream()
            threading.Thread(target=upstream.serve_forever, daemon=True).start()
            up = f"http://127.0.0.1:{upstream.server_address[1]}"
            binary = args.sluice_bin or build_sluice()
            host, port = "127.0.0.1", free_port()
            log_path = os.path.join("/tmp", f"crs-replay-sluice-{os.getpid()}.log")
            cmd = [binary, "serve", "--listen", f"{host}:{port}", "--upstream", up, *args.sluice_arg]
            proc = subprocess.Popen(cmd, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
            if not wait_port(port, proc):
                sys.exit(f"sluice did not start ({' '.join(cmd)}); see {log_path}")
            name = args.name or "sluice serve --upstream"
        direct = args.direct if args.direct is not None else not args.target
        t0 = time.monotonic()
        results = []
        for i, r in enumerate(attacks + benign):
            status, err = send(host, port, raw_request(r, i, args.raw_uri), args.timeout)
            results.append({"id": r["id"], "group": r["group"], "rule": r.get("rule"),
                            "label": "benign" if r["id"].startswith("benign-") else "attack",
                            "status": status, "error": err, "outcome": outcome(status), "replay": i,
                            "desc": r.get("desc", ""), "method": r["method"], "uri": r["uri"][:300],
                            "body": (r["body"] or "")[:300],
                            "headers": [h for h in r["headers"] if h[0].lower() not in
                                        ("host", "user-agent", "accept", "accept-encoding", "accept-language")]})
        elapsed = time.monotonic() - t0
        if direct:
            for r, res in zip(attacks + benign, results):
                res["direct_threat"] = analyze(host, port, payload_text(r), args.timeout)
        if upstream is not None:
            time.sleep(0.2)
            for r in results:
                r["reached_upstream"] = r["replay"] in upstream.seen
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if upstream is not None:
            upstream.shutdown()

    atk = [r for r in results if r["label"] == "attack"]
    ben = [r for r in results if r["label"] == "benign"]
    by_group, by_kind = tally(atk), tally(ben)
    print(f"\nCRS regression attacks through {name} ({len(atk)} requests, {elapsed:.1f} s for all "
          f"{len(results)}; corpus {os.path.abspath(args.corpus)})\n")
    encoded = sum(1 for r in attacks if client_uri(r["uri"]) != r["uri"])
    print(f"Request targets sent {'byte for byte (--raw-uri)' if args.raw_uri else 'percent-encoded as a client would'}"
          f": {encoded} of {len(atk)} attack targets hold bytes a client encodes.\n")
    print("| rule group | attacks | blocked (403) | share | other 4xx | forwarded | errors | target >= 90% | decoded parts flagged by /v1/analyze | never reached the upstream |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|")
    summary = {"name": name, "groups": {}, "benign": {}}
    for g, c in by_group.items():
        share = c.get("blocked", 0) / c["total"]
        summary["groups"][g] = {**c, "share_blocked": share, "pass": share >= 0.9}
        print(f"| {g} {GROUPS.get(g, '')} | {c['total']} | {c.get('blocked', 0)} | {pct(c.get('blocked', 0), c['total'])} | "
              f"{c.get('rejected', 0)} | {c.get('forwarded', 0)} | {c.get('error', 0)} | "
              f"{'PASS' if share >= 0.9 else 'FAIL'} | {pct(c.get('direct_flagged', 0), c['total']) if direct else '-'} | "
              f"{pct(c['total'] - c.get('reached_upstream', 0), c['total']) if upstream is not None else '-'} |")
    tot_b = sum(c.get("blocked", 0) for c in by_group.values())
    print(f"| all | {len(atk)} | {tot_b} | {pct(tot_b, len(atk))} | | | | | | |")
    if direct:
        both = collections.Counter((r["outcome"] == "blocked", bool(r.get("direct_threat"))) for r in atk)
        print(f"\nAttacks flagged when their decoded parts go to /v1/analyze but not blocked through the proxy: "
              f"{both[(False, True)]}; blocked through the proxy but not flagged directly: {both[(True, False)]}")
    print(f"\nBenign requests ({len(ben)}, {os.path.relpath(args.benign, HERE)}):\n")
    print("| kind | requests | blocked (403) | share | other 4xx | errors | decoded parts flagged by /v1/analyze |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k, c in by_kind.items():
        summary["benign"][k] = {**c, "share_blocked": c.get("blocked", 0) / c["total"]}
        print(f"| {k} | {c['total']} | {c.get('blocked', 0)} | {pct(c.get('blocked', 0), c['total'])} | "
              f"{c.get('rejected', 0)} | {c.get('error', 0)} | {pct(c.get('direct_flagged', 0), c['total']) if direct else '-'} |")
    ben_blocked = sum(1 for r in ben if r["outcome"] == "blocked")
    ben_share = ben_blocked / len(ben) if ben else 0.0
    summary["benign_share_blocked"] = ben_share
    summary["benign_pass"] = ben_share <= 0.005
    print(f"| all | {len(ben)} | {ben_blocked} | {pct(ben_blocked, len(ben))} | | | |")
    print(f"\nbenign blocked <= 0.5%: {'PASS' if ben_share <= 0.005 else 'FAIL'}")

    # Worst rules, and a sample of the attacks that got through.
    rules: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in atk:
        rules[r["rule"]]["total"] += 1
        rules[r["rule"]][r["outcome"]] += 1
    worst = sorted(rules.items(), key=lambda kv: kv[1].get("blocked", 0) / kv[1]["total"])[:12]
    print("\nLowest block shares by rule: " + ", ".join(
        f"{k} {v.get('blocked', 0)}/{v['total']}" for k, v in worst))
    passed = [r for r in atk if r["outcome"] != "blocked"]
    if args.show_passed and passed:
        print(f"\nSome attacks not blocked ({len(passed)} in all):")
        for r in passed[:: max(1, len(passed) // args.show_passed)][: args.show_passed]:
            extra = "; ".join(f"{k}: {v[:60]}" for k, v in r["headers"])
            d = {True: " direct=flagged", False: " direct=clean"}.get(r.get("direct_threat"), "")
            print(f"  {r['id']} [{r['outcome']} {r['status']}{d}] {r['method']} {r['uri'][:90]!r}"
                  f" body={r['body'][:70]!r}{' hdr=' + extra if extra else ''}")
    fps = [r for r in ben if r["outcome"] == "blocked"]
    if fps:
        print(f"\nBenign requests blocked ({len(fps)}):")
        for r in fps[:20]:
            print(f"  {r['id']} [{r['group']}] {r['method']} {r['uri'][:90]!r} body={r['body'][:90]!r}")
    summary["rules"] = {k: dict(v) for k, v in sorted(rules.items())}
    out = args.json or os.path.join(HERE, "results", f"crs-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        json.dump({"summary": summary, "elapsed_s": elapsed, "results": results}, f, indent=1)
    print(f"\nwrote {out}")
    print("CRSJSON " + json.dumps({k: summary[k] for k in ("name", "groups", "benign_share_blocked")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
