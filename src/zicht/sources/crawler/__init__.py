"""The trafficking webcrawler: lawful, scoped, incremental crawling of ad sites with Scrapy.

A Scrapy project in one folder: `spider.py` finds and reads ads,
`middlewares/` enforce the deployment's scope and politeness, `pipelines/`
hash images, pass everything through the privacy gate and store it,
`extensions/` keep the run's record, progress and the shared Redis frontier.
`runner.run_crawl` starts a run; `runs` and `export` read what runs left.
Scrapy is imported only when a crawl starts.
"""
