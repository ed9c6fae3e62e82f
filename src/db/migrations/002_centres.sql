-- 002: the centres. Codes are short because they start every case number.
-- Region P-codes are the OCHA admin-1 codes of Niger (NE001 Agadez,
-- NE007 Zinder, NE008 Niamey).

INSERT INTO centre (code, name_en, name_fr, kind, town, region_name, region_pcode) VALUES
	('NY1', 'Niamey transit centre 1', 'Centre de transit de Niamey 1', 'transit', 'Niamey', 'Niamey', 'NE008'),
	('NY2', 'Niamey transit centre 2', 'Centre de transit de Niamey 2', 'transit', 'Niamey', 'Niamey', 'NE008'),
	('NY3', 'Niamey transit centre 3', 'Centre de transit de Niamey 3', 'transit', 'Niamey', 'Niamey', 'NE008'),
	('AGZ', 'Agadez transit centre', 'Centre de transit d''Agadez', 'transit', 'Agadez', 'Agadez', 'NE001'),
	('ARL', 'Arlit transit centre', 'Centre de transit d''Arlit', 'transit', 'Arlit', 'Agadez', 'NE001'),
	('DRK', 'Dirkou transit centre', 'Centre de transit de Dirkou', 'transit', 'Dirkou', 'Agadez', 'NE001'),
	('ZIN', 'Zinder reception centre for victims of trafficking',
	        'Centre d''accueil des victimes de traite de Zinder', 'trafficking', 'Zinder', 'Zinder', 'NE007');
