"""Locust scenario for ``make load``: HR, mentors, trainees and managers doing their usual work.

Each simulated person signs in, opens the home page, and then wanders through the
pages their role can reach (lists and detail pages, discovered from the links on each
page, GET only), coming back home now and then. HR advisers and managers also download
portfolio and final-evaluation PDFs (``LOAD_PDFS``, found and made once by ``load.py``), the
heaviest thing they do: with their weights, about one request in fourteen. A PDF still being
made answers with the progress page (202), which the person polls as the browser does.
"""

import json
import os
import random
import re
import time

from locust import FastHttpUser, between, events, task

from tests.crawling import is_own_page, parse

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = "demo-traineeship"
SIGN_IN = {"sign in", "sign-in page"}
page_times: list[float] = []


@events.request.add_listener
def remember_page_time(name, response_time, exception, **kwargs):
    """Page times after signing in (password hashing on sign-in is slow on purpose)."""
    if name not in SIGN_IN and exception is None:
        page_times.append(response_time)


@events.quitting.add_listener
def write_page_times(environment, **kwargs):
    if os.environ.get("LOAD_PAGE_TIMES"):
        with open(os.environ["LOAD_PAGE_TIMES"], "w") as handle:
            json.dump(page_times, handle)


class Person(FastHttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    role = ""

    def on_start(self):
        """Take over a signed-in session of this role (``load.py`` signs in once per demo account):
        people at work are signed in already, and 50 password hashes in the first seconds would
        be a sign-in storm, not their usual work. Without prepared sessions, sign in here."""
        self.cookies = ""
        sessions = json.loads(os.environ.get("LOAD_SESSIONS", "{}")).get(self.role)
        self.pdfs = []
        if sessions:
            self.cookies = random.choice(sessions)
            self.pdfs = json.loads(os.environ.get("LOAD_PDFS", "{}")).get(self.cookies, [])
            self.links = ["/"]
            return
        email = f"{self.role}@{random.choice(['zonnedal', 'buurtkracht'])}.example"
        page = self.client.get("/accounts/login/", name="sign-in page")
        token = CSRF.search(page.text).group(1)
        with self.client.post(
            "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD, "next": "/"},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in (response.url or ""):
                response.failure(f"{email} could not sign in")
        self.links = ["/"]

    def visit(self, url):
        name = re.sub(r"/\d+(?=/|$)", "/<id>", url.split("?")[0])
        response = self.client.get(url, name=name, headers={"Cookie": self.cookies} if self.cookies else None)
        if response.status_code == 200 and "text/html" in response.headers.get("Content-Type", ""):
            links, _forms = parse(response.text, url)
            followable = [link for link in links if is_own_page(link)]
            if followable:
                self.links = followable

    @task(1)
    def home(self):
        self.visit("/")

    @task(4)
    def browse(self):
        self.visit(random.choice(self.links))


class DownloadingPerson(Person):
    abstract = True

    @task(2)
    def download_pdf(self):
        if not self.pdfs:
            return self.home()
        url = random.choice(self.pdfs)
        name = re.sub(r"/\d+(?=/|$)", "/<id>", url)
        for _attempt in range(30):
            with self.client.get(url, name=name, headers={"Cookie": self.cookies}, catch_response=True) as response:
                if response.status_code == 202:  # the progress page: being made, come back in 2 s
                    response.success()
                    time.sleep(2)
                    continue
                if response.headers.get("Content-Type") != "application/pdf":
                    response.failure(f"{url} gave {response.status_code} {response.headers.get('Content-Type')}")
                return


class HR(DownloadingPerson):
    role = "hr"
    weight = 1


class Manager(DownloadingPerson):
    role = "manager"
    weight = 1


class Mentor(Person):
    role = "mentor"
    weight = 2


class Trainee(Person):
    role = "trainee"
    weight = 4
