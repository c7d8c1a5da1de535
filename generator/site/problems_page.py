"""The page `make serve` shows in place of the site while records have problems: file:line:col and the fix.

The page asks the server for itself every second and reloads when the answer is no longer this list
(the site is back, or the problems changed), so it also works where it is served as a 404 page.
"""

from __future__ import annotations

import hashlib
from html import escape

from generator.records.problems import Problem

_POLL = """(function () {
  var signature = document.querySelector('meta[name="ikb-problemer"]').content;
  function check() {
    fetch(location.href, {cache: "no-store"}).then(function (response) { return response.text(); }).then(
      function (text) { if (text.indexOf(signature) === -1) location.reload(); else setTimeout(check, 1000); },
      function () { setTimeout(check, 1000); });
  }
  setTimeout(check, 1000);
})();"""


def _item(problem: Problem) -> str:
    place = f"{problem.path}:{problem.line}:{problem.column}"
    line = str(problem)  # one printable line, as the terminal shows it
    message = line[len(place) + 2:] if line.startswith(place + ": ") else line
    return f"<li><code>{escape(place)}</code>: {escape(message)}</li>"


def problems_page(problems: list[Problem], site_name: str) -> str:
    count = len(problems)
    word, them = ("problem", "det") if count == 1 else ("problemer", "dem")
    signature = hashlib.sha256("\n".join(map(str, problems)).encode("utf-8")).hexdigest()[:20]
    items = "\n".join(map(_item, problems))
    return f"""<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="ikb-problemer" content="{signature}">
<title>{count} {word} i postene – {escape(site_name)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5;
       color: #1f1f1f; background: #fff; }}
code {{ background: #f0f0f0; padding: .1em .3em; overflow-wrap: anywhere; }}
li {{ margin: .7em 0; }}
</style>
</head>
<body>
<main>
<h1>Nettstedet vises igjen når postene er rettet</h1>
<p>Kontrollen fant {count} {word}. Rett {them} i filen og lagre; denne siden bytter selv til nettstedet
når alt er i orden.</p>
<ol>
{items}
</ol>
<p>Hver linje sier filen, linjen og tegnet på linjen, hva som er galt og hvordan du retter det. De samme
linjene står i terminalen der du startet <code>make serve</code>.</p>
</main>
<script>{_POLL}</script>
</body>
</html>
"""
