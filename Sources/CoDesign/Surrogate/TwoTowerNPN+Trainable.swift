extension TwoTowerNPN: TrainableNetwork {}
