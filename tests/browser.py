"""Headless Chromium driven through chromedriver (Debian's `chromium` and `chromium-driver`).

`.ci/run` installs both; elsewhere a test that needs the browser is skipped when
they are missing, except under CI, where that is a failure.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def browser(width: int = 1400, height: int = 1000):
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver are needed (apt-get install chromium chromium-driver fonts-wqy-zenhei)")
        pytest.skip("chromium or chromedriver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    # An explicit driver path: Selenium Manager never tries to download one.
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
