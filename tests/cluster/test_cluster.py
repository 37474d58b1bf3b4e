"""The multi-server set-up of ``make cluster`` behaves as one site (run by ``make cluster-test``).

Skipped unless scripts/cluster started the processes and named them in the environment.
The tests assert what a user sees, never how fast; the deadlines only bound a wait for
a worker. The last tests kill a task worker and an app server, so the order matters.
"""

import os
import re
import signal
import subprocess
import time

import pytest
import requests

from benchmarks.common import CSRF, sign_in

pytestmark = pytest.mark.skipif("CLUSTER_URL" not in os.environ, reason="needs scripts/cluster (make cluster-test)")

CLUSTER = os.environ.get("CLUSTER_URL", "")
APP1 = os.environ.get("APP1_URL", "")
APP2 = os.environ.get("APP2_URL", "")


def signed_in_page(session, url):
    response = session.get(url, timeout=60)
    assert response.status_code == 200 and "/accounts/login/" not in response.url, url
    return response


def test_a_session_made_on_one_app_server_is_valid_on_the_other():
    session = sign_in(APP1, "hr@zonnedal.example")
    page = signed_in_page(session, f"{APP2}/")
    assert "hr@zonnedal.example" in page.text or "Uitloggen" in page.text or "Sign out" in page.text


def test_failed_sign_ins_on_one_app_server_lock_the_account_on_the_other():
    email = "mentor@buurtkracht.example"
    for _ in range(5):
        session = requests.Session()
        token = CSRF.search(session.get(f"{APP1}/accounts/login/", timeout=30).text).group(1)
        session.post(
            f"{APP1}/accounts/login/",
            data={"csrfmiddlewaretoken": token, "username": email, "password": "wrong"},
            headers={"Referer": f"{APP1}/accounts/login/"},
            timeout=30,
        )
    with pytest.raises(RuntimeError):
        sign_in(APP2, email)  # the right password, but the account is locked everywhere


def test_nginx_spreads_requests_and_reports_health():
    health = requests.get(f"{CLUSTER}/health/", timeout=30)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    session = sign_in(CLUSTER, "manager@zonnedal.example")
    for _ in range(10):
        signed_in_page(session, f"{CLUSTER}/")


def _request_data_copy(session, base):
    page = signed_in_page(session, f"{base}/privacy/my-data/")
    token = CSRF.search(page.text).group(1)
    answer = session.post(
        f"{base}/privacy/my-data/download/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/privacy/my-data/"},
        timeout=60,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.status_code
    return re.search(r"/privacy/copies/(\d+)/", answer.headers["Location"]).group(1)


def test_a_task_is_done_by_the_other_worker_when_one_is_stopped():
    os.kill(int(os.environ["WORKER1_PID"]), signal.SIGTERM)
    session = sign_in(CLUSTER, "trainee@zonnedal.example")
    copy = _request_data_copy(session, CLUSTER)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        download = session.get(f"{CLUSTER}/privacy/copies/{copy}/download/", timeout=60)
        if download.status_code == 200:
            break
        time.sleep(0.5)
    assert download.status_code == 200 and download.headers["Content-Type"] == "application/zip"
    assert requests.get(f"{CLUSTER}/health/", timeout=30).json()["checks"]["worker"] == "ok"


def test_killing_one_app_server_loses_no_request():
    session = sign_in(CLUSTER, "coordinator@zonnedal.example")
    master = int(os.environ["APP1_PID"])
    children = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout.split()
    for pid in [master, *map(int, children)]:
        os.kill(pid, signal.SIGKILL)
    answers = [session.get(f"{CLUSTER}/", timeout=60) for _ in range(20)]
    assert [a.status_code for a in answers] == [200] * 20
    assert all("/accounts/login/" not in a.url for a in answers)
