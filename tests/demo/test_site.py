"""The demo ad site, crawled the way a crawler would: over HTTP, following links."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import httpx

from tests.demo.helpers import read_jsonl
from zicht.demo.images import phash_hex
from zicht.demo.site import RunningSite, serve_site
from zicht.demo.world import World

AD_LINK = re.compile(r'<a class="ad-link" href="(/ad/[^"]+)"')
NEXT = re.compile(r'<a class="page-next" rel="next" href="([^"]+)"')


def _crawl_listing(client: httpx.Client, start: str) -> list[str]:
    found, url = [], start
    while url:
        page = client.get(url)
        assert page.status_code == 200
        found += AD_LINK.findall(page.text)
        match = NEXT.search(page.text)
        url = match.group(1).replace("&amp;", "&") if match else ""
    return found


def test_pagination_reaches_every_ad_exactly_once(world: World, site: RunningSite) -> None:
    with httpx.Client(base_url=site.url) as client:
        found = _crawl_listing(client, "/ads")
        assert sorted(found) == sorted(ad.path for ad in world.ads)
        index = client.get("/").text
        by_city = [
            p
            for slug in re.findall(r'href="(/city/[^"]+)"', index)
            for p in _crawl_listing(client, slug)
        ]
        assert sorted(by_city) == sorted(found)


def test_ad_page_shows_the_ad_and_the_hub_number(
    world: World, world_dir: Path, site: RunningSite
) -> None:
    record = read_jsonl(world_dir / "ads.jsonl")[7]
    with httpx.Client(base_url=site.url) as client:
        html = client.get(record["url"]).text
        for page in ("/", "/ads?page=2", record["url"], "/nope"):
            assert f'<span class="site-contact">{world.site_phone}</span>' in client.get(page).text
    assert re.search(r'<h1 class="ad-title">(.*?)</h1>', html)
    assert f'<span class="ad-city">{escape(record["city"])}</span>' in html
    assert all(f'src="/img/{i}.jpg"' in html for i in record["images"])


def test_robots_and_forbidden_areas(site: RunningSite) -> None:
    with httpx.Client(base_url=site.url) as client:
        robots = client.get("/robots.txt")
        assert robots.headers["content-type"].startswith("text/plain")
        assert "Disallow: /admin/" in robots.text and "Disallow: /private/" in robots.text
        assert client.get("/admin/").status_code == 403
        assert client.get("/private/account").status_code == 403
        assert client.get("/ads?page=9999").status_code == 404
        assert client.get("/ad/ad-999999").status_code == 404


def test_conditional_requests_get_304(world: World, site: RunningSite) -> None:
    path = world.ads[3].path
    with httpx.Client(base_url=site.url) as client:
        first = client.get(path)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
        assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
        assert client.head(path).headers["etag"] == etag


def test_images_are_served_with_the_gold_hash(world_dir: Path, site: RunningSite) -> None:
    gold = read_jsonl(world_dir / "gold" / "link.jsonl")[0]
    record = read_jsonl(world_dir / "ads.jsonl")[0]
    with httpx.Client(base_url=site.url) as client:
        image = client.get(f"/img/{record['images'][0]}.jpg")
    assert image.headers["content-type"] == "image/jpeg"
    assert phash_hex(image.content) == gold["images"][0]


def test_the_world_changes_from_day_to_day(world: World) -> None:
    with serve_site(world, day=world.today - 10) as site, httpx.Client(base_url=site.url) as client:
        before = set(_crawl_listing(client, "/ads"))
        assert 0 < len(before) < len(world.ads)
        site.advance(10)
        assert len(set(_crawl_listing(client, "/ads"))) == len(world.ads)
        pages = {ad.path: client.get(ad.path) for ad in world.ads[::2]}
        site.advance(world.horizon)
        later = {
            path: client.get(path, headers={"If-None-Match": r.headers["etag"]})
            for path, r in pages.items()
        }
    codes = [r.status_code for r in later.values()]
    assert codes.count(410) > 5  # disappeared
    assert codes.count(200) > 5  # changed: text, price, city or phone
    assert codes.count(304) > len(codes) / 2  # most ads stay as they were
