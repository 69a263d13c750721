#!/usr/bin/env python3
"""A screenshot of the web room over raw WebDriver (chromedriver), for docs and
for looking. Usage: shots.py URL OUTDIR NAME WIDTH HEIGHT LANG [SCROLL_TO_CSS] [JS]"""
import base64, json, subprocess, sys, time, urllib.request, socket

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def call(port, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())["value"]

def main():
    url, out, name, w, h, lang = sys.argv[1:7]
    scroll = sys.argv[7] if len(sys.argv) > 7 else ""
    js = sys.argv[8] if len(sys.argv) > 8 else ""
    port = free_port()
    drv = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port)).close(); break
            except OSError:
                time.sleep(0.05)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-dev-shm-usage", f"--window-size={w},{h}", f"--lang={lang}"]}}}}
        sid = call(port, "POST", "/session", caps)["sessionId"]
        s = f"/session/{sid}"
        # The viewport itself at w x h (the window has no chrome in headless).
        call(port, "POST", f"{s}/goog/cdp/execute", {"cmd": "Emulation.setDeviceMetricsOverride",
             "params": {"width": int(w), "height": int(h), "deviceScaleFactor": 1, "mobile": int(w) < 600}})
        call(port, "POST", f"{s}/url", {"url": url})
        time.sleep(3)
        if js:
            call(port, "POST", f"{s}/execute/sync", {"script": js, "args": []})
            time.sleep(2)
        if scroll:
            call(port, "POST", f"{s}/execute/sync", {"script":
                 f"document.querySelector({json.dumps(scroll)}).scrollIntoView({{block:'start'}});", "args": []})
            time.sleep(1)
        png = base64.b64decode(call(port, "GET", f"{s}/screenshot"))
        with open(f"{out}/{name}", "wb") as f:
            f.write(png)
        call(port, "DELETE", s)
    finally:
        drv.terminate(); drv.wait()

main()
