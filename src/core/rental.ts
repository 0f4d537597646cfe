// Rental cost: GPU-hours x price per GPU-hour (DeepSeek-V3 report, Table 1, uses exactly this).

export function rentalUsd(gpuHours: number, usdPerGpuHour: number): number {
  return gpuHours * usdPerGpuHour;
}
