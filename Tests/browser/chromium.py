"""Debian's headless Chromium driven by Selenium (Debian's chromium-driver), as every browser test
starts it: one set of flags, the window emulated at a given width and colour scheme.

Needs: chromium chromium-driver (apt-get), selenium (pip).
"""
import os
import sys

# Debian's chromium and chromedriver are given explicitly; Selenium Manager must not download.
os.environ.setdefault("SE_OFFLINE", "true")
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
except ImportError:
    sys.exit("selenium is not installed: pip install selenium")


def browser(javascript=True, timeout=60):
    """A new headless Chromium (1,280 × 900, browser console logged); the caller quits it."""
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                 "--allow-file-access-from-files", "--hide-scrollbars", "--disable-extensions", "--no-first-run"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(timeout)
    driver.set_script_timeout(timeout)
    return driver


def view(driver, width, dark=False, height=900):
    """The page as a screen `width` CSS pixels wide (device scale 1) in the light or dark scheme."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
