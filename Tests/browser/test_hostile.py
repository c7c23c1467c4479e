#!/usr/bin/env python3
"""The hostile site (Tests/site-checks/hostile, every field an attack) in a real browser.

Publishes it with `gloss publish`, serves it with nginx under /digest/, and opens every page in
Debian's headless Chromium (Selenium): no payload may run (each sets `window.__pwned`, some call
alert), no element may carry a javascript:, vbscript: or data: URL, and searching for the hostile
strings (which the site's own search script loads from its index and shows) must stay inert too.

Usage: Tests/browser/test_hostile.py [--gloss PATH] [--keep]
Needs: nginx chromium chromium-driver (apt-get), selenium (pip). Prints `N passed, M failed`.
"""
import pathlib
import sys

from gloss_http import Checks, PublishedSite, arguments
from test_search import browser, results, search, wait

try:
    from selenium.common.exceptions import NoAlertPresentException, WebDriverException
    from selenium.webdriver.common.by import By
except ImportError:
    sys.exit("selenium is not installed: pip install selenium")

HOSTILE = pathlib.Path(__file__).resolve().parents[1] / "site-checks" / "hostile"
QUERIES = ["script", "pwned", "window", "hostile", "img onerror", "javascript", "iframe", "svg onload", "Café", "trade", "alias"]

# Every URL-bearing attribute in the document, and the scheme the browser resolved it to.
BAD_URLS = """
const bad = [];
for (const element of document.querySelectorAll('[href], [src], [action], [formaction], [poster], [data]')) {
  for (const name of ['href', 'src', 'action', 'formaction', 'poster', 'data']) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    let protocol;
    try { protocol = new URL(value, document.baseURI).protocol; } catch (e) { continue; }
    if (!['http:', 'https:', 'mailto:'].includes(protocol)) bad.push(element.tagName + ' ' + name + '=' + value.slice(0, 60));
  }
}
for (const element of document.querySelectorAll('*')) {
  for (const attribute of element.attributes) {
    if (attribute.name.startsWith('on')) bad.push(element.tagName + ' ' + attribute.name);
  }
}
return bad;
"""


def pwned(driver):
    """What ran: the payloads' flag, or an alert they opened."""
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return "alert: " + text
    except NoAlertPresentException:
        pass
    return driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned);")


def main():
    args = arguments(__doc__)
    args.source = str(HOSTILE)
    checks = Checks("the hostile site in Chromium")
    with PublishedSite(args) as site:
        print(f"served at {site.base}")
        pages = sorted(p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html"))
        checks.check(len(pages) > 20, "the hostile site was published", str(pages))
        driver = browser()
        try:
            for page in pages:
                url = site.base + (page[: -len("index.html")] if page.endswith("index.html") else page)
                driver.get(url)
                checks.check(pwned(driver) is None, f"{page}: no payload ran", str(pwned(driver)))
                bad = driver.execute_script(BAD_URLS)
                checks.check(not bad, f"{page}: no executable URL or event handler in the DOM", str(bad[:5]))

            driver.get(site.base + "search/")
            status = driver.find_element(By.ID, "search-status")
            found_any = False
            for query in QUERIES:
                reported = search(driver, query)
                checks.check(reported, f"searching {query!r} reports", status.text)
                found_any = found_any or bool(results(driver))
                checks.check(pwned(driver) is None, f"searching {query!r}: no payload ran", str(pwned(driver)))
                created = driver.execute_script(
                    "return Array.from(document.querySelectorAll('#search-results *'))"
                    ".filter(e => !['LI','H2','A','P','SPAN','TIME','MARK'].includes(e.tagName)).map(e => e.tagName);")
                checks.check(not created, f"searching {query!r}: results hold only the elements the script makes", str(created[:5]))
                bad = driver.execute_script(BAD_URLS)
                checks.check(not bad, f"searching {query!r}: no executable URL in the DOM", str(bad[:5]))
            checks.check(found_any, "the hostile strings are found (the search index holds them)")
            titles = [text for _, text in results(driver)]
            driver.get(site.base + "search/?q=%3Cscript%3E")
            wait(driver, lambda d: d.find_element(By.ID, "search-status").text)
            checks.check(pwned(driver) is None, "a query in the URL (?q=<script>) runs nothing", str(pwned(driver)))
            print(f"last results: {titles[:3]}")
        except WebDriverException as error:
            checks.check(False, "the browser session", str(error).splitlines()[0])
        finally:
            driver.quit()
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
