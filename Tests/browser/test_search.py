#!/usr/bin/env python3
"""Search in a real browser: publish the sample digest, serve it with nginx under /digest/, and
drive Debian's headless Chromium with Selenium (Debian's chromium-driver): type "Lighthizer" and
see the sample article and his entity, type an alias ("KORUS") and see its entity, move through
the results with the arrow keys and open one with Enter, and check the page without JavaScript and
from file://.

Usage: Tests/browser/test_search.py [--gloss PATH] [--source DIR] [--keep]
Needs: nginx chromium chromium-driver (apt-get), selenium (pip). Prints `N passed, M failed`;
exits 1 on any failure.
"""
import pathlib
import sys

from chromium import browser
from gloss_http import Checks, PublishedSite, arguments
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ARTICLE = "articles/abe-trump-trade-talks-new-york/"
SCRIPT = pathlib.Path(__file__).resolve().parents[2] / "Templates" / "assets" / "search.js"
# The same cases as SearchTokenizerTests in Swift: the browser must cut words exactly as the index does.
TOKENS = {
    "Trump's steel, Lïghthizer’s TARIFFS": ["trump", "steel", "lighthizer", "tariffs"],
    "O'Neil's US-North Korea summit": ["o", "neil", "us", "north", "korea", "summit"],
    "Ångström ﬁnds Straße, ΟΔΥΣΣΕΥΣ": ["angstrom", "finds", "straße", "οδυσσευσ"],
    "東京で会談 2.5 hours": ["東", "京", "て", "会", "談", "2", "5", "hours"],
    "it's the dogs' day; 's": ["it", "the", "dogs", "day", "s"],
    "Café\u0301 naïve": ["cafe", "naive"],
    "x" * 41 + " ok": ["ok"],
}
WAIT = 10  # seconds, for every wait


def wait(driver, condition, timeout=WAIT):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        return None


def results(driver):
    return [(a.get_attribute("href"), a.text) for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title a")]


def search(driver, text):
    """Types a query (as a reader would) and waits for the live region to report on it."""
    box = driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(text)
    shown = text.strip()
    done = wait(driver, lambda d: shown in d.find_element(By.ID, "search-status").text)
    return bool(done)


def main():
    args = arguments(__doc__)
    checks = Checks("search in Chromium")
    with PublishedSite(args) as site:
        page = site.base + "search/"
        print(f"served at {site.base}")
        driver = browser()
        try:
            driver.get(page)
            checks.check(driver.find_element(By.ID, "search-input").is_displayed(), "the search box is shown")
            checks.check(not driver.find_element(By.CSS_SELECTOR, ".search-fallback").is_displayed(),
                         "the no-JavaScript message is hidden when the script runs")
            label = driver.find_elements(By.CSS_SELECTOR, "label[for=search-input]")
            checks.check(label and label[0].text.strip(), "the search box has a label")
            status = driver.find_element(By.ID, "search-status")
            checks.check(status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite",
                         "results are announced by a polite live region")
            checks.check(driver.find_element(By.ID, "search-results").tag_name == "ol", "results are a list")

            # search.js cuts words as the Swift index builder does.
            source = SCRIPT.read_text(encoding="utf-8")
            words = source[source.index("  // ---- Words"):source.index("  // Every word is exact")]
            got = driver.execute_script(words + "; return arguments[0].map(tokens);", list(TOKENS))
            for (text, expected), actual in zip(TOKENS.items(), got):
                checks.check(actual == expected, f"search.js tokens of {text[:30]!r}", f"{actual} != {expected}")

            # The sample article and his entity, by name.
            checks.check(search(driver, "Lighthizer"), "typing Lighthizer reports results", status.text)
            found = results(driver)
            hrefs = [href for href, _ in found]
            checks.check(any(h.endswith("/digest/" + ARTICLE) for h in hrefs), "Lighthizer finds the sample article", str(hrefs))
            checks.check(any(h.endswith("/digest/entities/robert-lighthizer/") for h in hrefs), "Lighthizer finds his entity", str(hrefs))
            checks.check("result" in status.text and any(ch.isdigit() for ch in status.text), "the live region gives the count", status.text)
            # The bytes this first query downloaded from the index (nothing cached yet).
            sizes = driver.execute_script(
                "return performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))"
                ".map(e => e.decodedBodySize)")
            print(f"a search for Lighthizer loaded {len(sizes)} index files, {sum(sizes)} bytes")
            checks.check(0 < sum(sizes) < 100_000, "a query on the sample site loads a small index", str(sizes))
            marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
            checks.check(any(m.lower().startswith("lighthizer") for m in marks), "the matching words are highlighted", str(marks[:5]))
            article = [li for li in driver.find_elements(By.CSS_SELECTOR, ".search-result") if ARTICLE in li.find_element(By.TAG_NAME, "a").get_attribute("href")]
            if checks.check(article, "the article is listed"):
                meta = article[0].find_element(By.CSS_SELECTOR, ".search-result-meta").text
                checks.check("article" in meta.lower() and "2018" in meta, "a result shows its kind and date", meta)
                snippet = article[0].find_element(By.CSS_SELECTOR, ".search-result-snippet").text
                checks.check(len(snippet) > 40, "a result shows a snippet", snippet)

            # An alias finds its entity.
            checks.check(search(driver, "KORUS"), "typing KORUS reports results", status.text)
            hrefs = [href for href, _ in results(driver)]
            checks.check(hrefs and hrefs[0].endswith("/digest/entities/korus/"), "KORUS finds its entity first", str(hrefs))
            kinds = [k.text for k in driver.find_elements(By.CSS_SELECTOR, ".search-result-kind")]
            checks.check(kinds and kinds[0].lower() == "agreement", "the entity's kind is shown", str(kinds))

            # Folding and prefixes: what the reader types need not be exact.
            checks.check(search(driver, "lïghth"), "a folded prefix reports results")
            checks.check(any(h.endswith("/entities/robert-lighthizer/") for h, _ in results(driver)), "lïghth finds Lighthizer")
            checks.check(search(driver, "finalised"), "a word from a note reports results")
            notes = [h for h, _ in results(driver) if "#note-" in h]
            checks.check(notes, "notes are found by their text", str(results(driver)))
            checks.check(search(driver, "qqqzzzx "), "a query with no match reports it")
            checks.check("No results" in status.text and not results(driver), "no results are said so", status.text)

            # Keyboard: ↓ from the box to the results, ↓/↑ between them, ↑ back, Enter opens.
            search(driver, "trade")
            links = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title a")
            if checks.check(len(links) >= 2, "trade finds several results", str(len(links))):
                box = driver.find_element(By.ID, "search-input")
                box.send_keys(Keys.ARROW_DOWN)
                checks.check(driver.switch_to.active_element == links[0], "↓ moves from the box to the first result")
                driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
                checks.check(driver.switch_to.active_element == links[1], "↓ moves to the next result")
                driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
                checks.check(driver.switch_to.active_element == links[0], "↑ moves to the previous result")
                driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
                checks.check(driver.switch_to.active_element == box, "↑ from the first result returns to the box")
                box.send_keys(Keys.ARROW_DOWN)
                target = links[0].get_attribute("href")
                driver.switch_to.active_element.send_keys(Keys.ENTER)
                checks.check(wait(driver, lambda d: d.current_url == target), "Enter opens the result", driver.current_url)

            # A link with ?q= shows results on arrival; Escape clears.
            driver.get(page + "?q=KORUS")
            checks.check(wait(driver, lambda d: any(h.endswith("/entities/korus/") for h, _ in results(d))), "search/?q=KORUS shows results")
            checks.check(driver.find_element(By.ID, "search-input").get_attribute("value") == "KORUS", "the box holds the query from the URL")

            errors = [entry for entry in driver.get_log("browser")
                      if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", "")]
            checks.check(not errors, "no errors in the browser console", str(errors[:3]))

            # From file://, where fetch() would fail: the script-loaded index still works.
            driver.get((site.folder / "search" / "index.html").as_uri() + "?q=KORUS")
            checks.check(wait(driver, lambda d: any(h.endswith("/entities/korus/") for h, _ in results(d))), "search works from file://")
        except WebDriverException as error:
            checks.check(False, "the browser session", str(error).splitlines()[0])
        finally:
            driver.quit()

        # Without JavaScript the page says so and links the entity and tag indexes.
        driver = browser(javascript=False)
        try:
            driver.get(page)
            fallback = driver.find_element(By.CSS_SELECTOR, ".search-fallback")
            checks.check(fallback.is_displayed() and "JavaScript" in fallback.text, "without JavaScript the page says so", fallback.text)
            hrefs = [a.get_attribute("href") for a in fallback.find_elements(By.TAG_NAME, "a")]
            checks.check(site.base + "entities/" in hrefs and site.base + "tags/" in hrefs, "and links the entity and tag indexes", str(hrefs))
            checks.check(not driver.find_element(By.ID, "search-input").is_displayed(), "without JavaScript no dead search box is shown")
        except WebDriverException as error:
            checks.check(False, "the browser session without JavaScript", str(error).splitlines()[0])
        finally:
            driver.quit()
    return checks.finish()


if __name__ == "__main__":
    sys.exit(main())
