#!/usr/bin/env python3
"""Extract bench/epoch/epoch-costs.csv from Epoch AI's public data (one-off; not part of the build).

Source: github.com/epoch-research/training-cost-trends at commit 263c40a:
  model_costs.csv                      Epoch's three costs per model (2025-06 US dollars: the script
                                       adjusts every cost to '2025-06-01' with PCU518210518210)
  data/All ML Systems - full view.csv  hardware, quantity, training time, organization, publication date
Kept: GPU runs on A100 / H100 (the accelerators whose purchase history the presets carry) with a
known chip count and training time, as Epoch used them without imputation. Training start by
Epoch's get_training_start_date: GPT-4 2022-08-15 minus its training time; otherwise publication
date minus training time minus 60 days.
Usage: python3 bench/epoch/extract.py MODEL_COSTS_CSV ALL_ML_SYSTEMS_CSV > bench/epoch/epoch-costs.csv
"""
import csv, sys
from datetime import date, datetime, timedelta

GPU = {
    'NVIDIA A100 SXM4 40 GB': 'a100-40gb',
    'NVIDIA A100': 'a100-40gb',  # Epoch's generic A100 (same chip, 40 GB launch configuration)
    'NVIDIA A100 SXM4 80 GB': 'a100',
    'NVIDIA H100 SXM5 80GB': 'h100',
}

costs = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
models = {r['Model']: r for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig'))}
out = csv.writer(sys.stdout, lineterminator='\n')
out.writerow(['model', 'organization', 'epochHardware', 'gpu', 'chips', 'trainingHours', 'gpuHours', 'publicationDate', 'trainingStart',
              'epochAmortisedUsd2025', 'epochCloudUsd2025', 'epochAcquisitionUsd2025'])
for c in costs:
    m = models.get(c['Model'])
    if m is None or m['Training hardware'] not in GPU or not c['Hardware_Capex_Energy_Cost']:
        continue
    if not m['Hardware quantity'] or not m['Training time (hours)']:
        continue
    chips = float(m['Hardware quantity']); hours = float(m['Training time (hours)'])
    gpu_hours = float(m['Training chip-hours']) if m['Training chip-hours'] else chips * hours
    pub = datetime.strptime(m['Publication date'][:10], '%Y-%m-%d').date()
    time = timedelta(hours=int(hours))
    start = date(2022, 8, 15) - time if c['Model'] == 'GPT-4' else pub - (time + timedelta(days=60))
    out.writerow([c['Model'], m['Organization'], m['Training hardware'], GPU[m['Training hardware']], int(chips), hours, gpu_hours,
                  pub.isoformat(), start.isoformat(), c['Hardware_Capex_Energy_Cost'], c['Cloud_Cost'], c['Hardware_Acquisition_Cost']])
