# Every target installs what it needs into a local virtual environment (.venv).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SCALE ?= smoke

.PHONY: install lint test test-slow sync-check demo plan check-paper gpu-check gpu-bundle tables bench soak docs clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

# Fails when the notebooks are not clean or the exported package is out of date.
sync-check: $(STAMP)
	@before=$$(git status --porcelain -- nbs ckdsnn; git diff -- nbs ckdsnn | sha1sum); \
	$(BIN)/nbdev-clean && $(BIN)/nbdev-export || exit 1; \
	after=$$(git status --porcelain -- nbs ckdsnn; git diff -- nbs ckdsnn | sha1sum); \
	if [ "$$before" != "$$after" ]; then \
	  echo "sync-check: nbdev-clean/nbdev-export changed files (see git diff -- nbs ckdsnn): review and commit them"; exit 1; fi

# style is ruff's: the notebooks (the source) formatted, the notebooks and the exported package linted (pyproject.toml)
lint: $(STAMP)
	$(BIN)/ruff format --check nbs
	$(BIN)/ruff check nbs ckdsnn

test: sync-check lint
	# one thread per notebook: two workers share the two cores without oversubscription
	OMP_NUM_THREADS=1 $(BIN)/nbdev-test --n-workers 2 --timing
	@echo "notebooks: $$(find nbs -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' | wc -l) passed, 0 failed"

# every notebook again with the cells flagged `#| slow` run too (DDP on 2 processes, torch.compile, full benchmarks)
test-slow: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/nbdev-test --n-workers 2 --flags slow --timing

demo: $(STAMP)
	$(BIN)/ckdsnn demo

# make plan SCALE=paper [ONLY=...]: every run the notebooks need, with costs and commands (runs/experiments/<scale>/plan.json)
plan: $(STAMP)
	$(BIN)/ckdsnn plan --scale $(SCALE) $(if $(ONLY),--only $(ONLY))

# every paper-scale configuration at full size, 2 steps on synthetic data with a checkpoint and a resume, on any machine
check-paper: $(STAMP)
	OMP_NUM_THREADS=2 $(BIN)/python -c 'import sys; from ckdsnn.experiments.check import check_main; sys.exit(check_main())'

# on one GPU, in under 8 minutes: five stages (environment, neuron kernels, ckdsnn bench --device cuda, every paper
# configuration at its per-GPU batch, a short CIFAR-10 comparison of ce/kd/kdsnn/ckdsnn), each in its own process under
# its own time limit, into results/gpu_check/; DEVICE=cpu TINY=1 is its dry run anywhere. On a GPU machine without
# network: make gpu-bundle here, then bash tools/gpu-check.sh there.
DEVICE ?= cuda
gpu-check: $(STAMP)
	$(BIN)/python -c 'import sys; from ckdsnn.experiments.check import gpu_check_main; sys.exit(gpu_check_main())' --device $(DEVICE) $(if $(TINY),--tiny)

# .gpu/: the wheels a GPU machine with its own PyTorch lacks (HAS=its pip list, default tools/gpu-box-packages.txt), the
# teacher's weights, a CIFAR-10 slice (from DATA or $$CKDSNN_DATA) and the paper plan; fails above 60 MiB with the tree
HAS ?=
DATA ?=
gpu-bundle: $(STAMP)
	$(BIN)/python -c 'import sys; from ckdsnn.experiments.check import gpu_bundle_main; sys.exit(gpu_bundle_main())' $(if $(HAS),--has $(HAS)) $(if $(DATA),--data-root $(DATA))

# make tables SCALE=smoke|cpu|paper [ONLY="table1_cifar fig4_ablation"]: results/ and results/README.md
#   EXECUTOR=local [GPUS=0,1,2,3]: dispatch the plan's runs on this machine (submitit), then collect the notebooks
#   EXECUTOR=slurm [PARTITION= ACCOUNT= CONSTRAINT= CPUS_PER_GPU= TIME_MIN=]: submit them to Slurm; collect later
#   COLLECT=1: render the notebooks from the runs in the cache, training none
ONLY ?=
EXECUTOR ?=
GPUS ?=
SLURM_OPTS = $(foreach v,PARTITION ACCOUNT CONSTRAINT CPUS_PER_GPU TIME_MIN,$(if $($(v)),--$(subst _,-,$(shell echo $(v) | tr A-Z a-z)) $($(v))))
TABLES = $(BIN)/python -c 'import sys; from ckdsnn.experiments.runner import tables_main; sys.exit(tables_main())' --scale $(SCALE) $(if $(ONLY),--only $(ONLY))
tables: $(STAMP)
ifeq ($(EXECUTOR),)
	$(TABLES) $(if $(COLLECT),--collect)
else ifeq ($(EXECUTOR),slurm)
	$(BIN)/ckdsnn dispatch --scale $(SCALE) $(if $(ONLY),--only $(ONLY)) --executor slurm $(SLURM_OPTS)
else
	$(BIN)/ckdsnn dispatch --scale $(SCALE) $(if $(ONLY),--only $(ONLY)) --executor local $(if $(GPUS),--gpus $(GPUS))
	$(TABLES) --collect
endif

bench: $(STAMP)
	$(BIN)/ckdsnn bench

# kill -9 a tiny distillation at random moments, resume each time, compare with an uninterrupted run
soak: $(STAMP)
	$(BIN)/nbdev-test --flags soak --verbose nbs/07_cli.ipynb

# the documentation site in _docs/ (open _docs/index.html): every notebook run (smoke scale, CPU) in a temporary copy,
# rendered and checked (pages, figures, cells, links); DOCS_ENGINE=auto|python|quarto (auto: nbdev-docs where Quarto is installed)
DOCS_ENGINE ?= auto
docs: $(STAMP)
	OMP_NUM_THREADS=1 $(BIN)/python -c 'import sys; from ckdsnn.docs import docs_main; sys.exit(docs_main())' --out _docs --engine $(DOCS_ENGINE)

clean:
	rm -rf $(VENV) build dist *.egg-info runs
